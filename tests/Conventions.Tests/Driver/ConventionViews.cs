namespace Conventions.Tests.Driver;

// The API's answers as a partner portal reads them (the JSON contract, enums as their kebab-case strings, legal dates
// as ISO text), read with the API's own JSON options.

public sealed record PeriodView(string StartsOn, string EndsOn);

public sealed record SignatureView(string Party, string SignatoryName, string SignedOn);

public sealed record HistoryView(string Kind, string Detail);

public sealed record ConventionView(
    Guid Id, string Status, string StartsOn, string EndsOn, PeriodView CurrentPeriod, string? DocumentSha256, IReadOnlyList<SignatureView> Signatures,
    int Version, string Place, IReadOnlyDictionary<string, string> Variables, int Renewals, IReadOnlyList<HistoryView> History);

public sealed record AmendmentView(Guid Id, int Number, string Status, string DocumentSha256, string ConventionSha256, string DocumentUrl);

public sealed record CommitteeView(Guid Id, string MeetsOn, bool? Renew = null, bool? PartnerAgrees = null, string? PartnerComment = null, DateTimeOffset? PartnerAnsweredAt = null);

public sealed record PublicationView(Guid Id, string Status);

public sealed record PageView<T>(IReadOnlyList<T> Items, int Total);

public sealed record RecipientView(string Name, string Email);

public sealed record NoticeView(Guid Id, string Kind, string Subject, IReadOnlyList<RecipientView> Recipients, IReadOnlyList<Guid> OrganizationIds);

public sealed record LetterView(Guid Id, string Kind, string BodyHtml);
