namespace Notices.Tests;

// Notices as a partner portal reads them (the JSON contract), read with the API's own JSON options.

public sealed record RecipientView(string Name, string Email, DateTimeOffset? DeliveredAt, string? Error);

public sealed record NoticeView(Guid Id, string Kind, string Subject, string Status, int Attempts, string? LastError, IReadOnlyList<RecipientView> Recipients)
{
    public RecipientView Recipient(string email) => Recipients.Single(r => r.Email == email);
}

public sealed record NoticePage(IReadOnlyList<NoticeView> Items, int Total)
{
    public NoticeView Only => Assert.Single(Items);
}
