using System.Text.RegularExpressions;

namespace Conventions.Modules.Ticketing.Domain;

internal enum WritingStatus
{
    /// <summary>Sent by the structure, awaiting the operator's moderation.</summary>
    Submitted,

    /// <summary>Public, on the offer's page and the program's.</summary>
    Published,

    /// <summary>Not published, with the operator's reason.</summary>
    Rejected,

    /// <summary>Published, then taken down by the operator, with its reason.</summary>
    Withdrawn,
}

/// <summary>
/// A text of "Les écrieurs", Culture pour tous' expression space (issue 19): a beneficiary writes about an outing, the
/// structure's staff submits it on their behalf with their consent, signed at most with a first name or initials; the
/// operator moderates it. Nothing public names the beneficiary, the structure or the booking.
/// </summary>
internal sealed partial class Writing
{
    private Writing()
    {
    }

    public const int MinLength = 20;
    public const int MaxLength = 2000;

    public Guid Id { get; private set; }

    public Guid OfferId { get; private set; }

    public Guid BookingId { get; private set; }

    public Guid OrganizationId { get; private set; }

    /// <summary>A first name or initials, as the author agreed to be named; null signs "anonyme".</summary>
    public string? AuthorName { get; private set; }

    public string Text { get; private set; } = string.Empty;

    /// <summary>When the structure recorded the author's consent to publication.</summary>
    public DateTimeOffset ConsentRecordedAt { get; private set; }

    public WritingStatus Status { get; private set; }

    public string? ModerationReason { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public Guid? SubmittedBy { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public DateTimeOffset? ModeratedAt { get; private set; }

    public static Writing Submit(Booking booking, string text, string? authorName, bool consent, Guid? credentialId, DateTimeOffset now)
    {
        if (!consent)
        {
            throw new BusinessRuleException("writing.consent_required", "A text is published only with its author's consent: record it (consent: true) or do not submit.");
        }
        if (booking.Status != BookingStatus.Confirmed || booking.SessionStartsAt > now)
        {
            throw new ConflictException("writing.not_after_outing", "A text tells an outing that took place: a confirmed booking whose session has started.");
        }
        return new Writing
        {
            Id = Guid.CreateVersion7(now),
            OfferId = booking.OfferId,
            BookingId = booking.Id,
            OrganizationId = booking.OrganizationId,
            AuthorName = string.IsNullOrWhiteSpace(authorName) ? null : authorName.Trim(),
            Text = text.Trim(),
            ConsentRecordedAt = now,
            Status = WritingStatus.Submitted,
            SubmittedAt = now,
            SubmittedBy = credentialId,
        };
    }

    public void Publish(DateTimeOffset now)
    {
        Ensure(WritingStatus.Submitted, "publish");
        Status = WritingStatus.Published;
        PublishedAt = now;
        ModeratedAt = now;
        ModerationReason = null;
    }

    public void Reject(string reason, DateTimeOffset now)
    {
        Ensure(WritingStatus.Submitted, "reject");
        Status = WritingStatus.Rejected;
        ModerationReason = reason;
        ModeratedAt = now;
    }

    public void Withdraw(string reason, DateTimeOffset now)
    {
        Ensure(WritingStatus.Published, "withdraw");
        Status = WritingStatus.Withdrawn;
        ModerationReason = reason;
        ModeratedAt = now;
    }

    private void Ensure(WritingStatus expected, string step)
    {
        if (Status != expected)
        {
            throw new ConflictException("writing.wrong_status", $"Only a {BuildingBlocks.Web.JsonDefaults.Kebab(expected)} text can be {step}ed; this one is {BuildingBlocks.Web.JsonDefaults.Kebab(Status)}.");
        }
    }

    /// <summary>Why the text cannot be published as written (markup, a link, an address), or null when it is plain prose.</summary>
    public static string? WhyNotPlainText(string? text)
    {
        if (text is null)
        {
            return null;
        }
        if (Markup().IsMatch(text))
        {
            return "Plain text only: no markup (<…>, &…;, [..](..), {{…}}).";
        }
        if (Link().IsMatch(text))
        {
            return "No links: no web or e-mail address.";
        }
        return null;
    }

    /// <summary>A first name or initials: one or two words of letters (with - ' .), 40 characters at most.</summary>
    public static bool IsFirstNameOrInitials(string? name) => string.IsNullOrWhiteSpace(name) || AuthorPattern().IsMatch(name.Trim());

    [GeneratedRegex(@"<[^>]*>|&[#a-zA-Z0-9]+;|\[[^\]]*\]\([^)]*\)|\{\{|\}\}|<|>")]
    private static partial Regex Markup();

    [GeneratedRegex(@"(?i)\b(?:https?://|ftp://|www\.)|\b[\w.+-]+@[\w-]+\.[\w.-]+|\b[\w-]+\.(?:fr|com|org|net|io|eu|info|be|ch)(?:/|\b)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^(?=.{1,40}$)\p{L}[\p{L}'’\-\.]*(?: \p{L}[\p{L}'’\-\.]*)?$")]
    private static partial Regex AuthorPattern();
}
