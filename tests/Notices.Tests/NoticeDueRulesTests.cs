using Conventions.Modules.Notices.Contracts;
using Conventions.Modules.Notices.Domain;

namespace Notices.Tests;

/// <summary>The rule the notices sweep and its backlog query by: a notice is due when not delivered, its time come, retries left.</summary>
public sealed class NoticeDueRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static Notice New() => Notice.PerOrganization(
        new NoticeRequested(Now, "test", "Objet", "<p>Lettre</p>", [new NoticeRecipient("Référente", "referente@example.org")], []), Now).Single();

    private static bool Due(Notice notice, DateTimeOffset at) => Notice.Due(at).Compile()(notice);

    [Fact]
    public void A_pending_notice_is_due_from_its_creation_and_a_delivered_one_never()
    {
        var notice = New();
        Assert.True(Due(notice, Now));

        notice.MarkDelivered(Now);

        Assert.False(Due(notice, Now.AddDays(1)));
    }

    [Fact]
    public void A_failed_notice_is_due_again_after_its_backoff_until_its_attempts_run_out()
    {
        var notice = New();
        notice.MarkFailed("SMTP 451", Now);
        Assert.False(Due(notice, Now));
        Assert.True(Due(notice, Now.AddDays(1)));

        for (var attempt = 1; attempt < Notice.MaxAttempts; attempt++)
        {
            notice.MarkFailed("SMTP 451", Now);
        }

        Assert.False(Due(notice, Now.AddDays(30)));
    }
}
