namespace Disputes.Tests.Driver;

// The API's answers as a partner portal reads them (the JSON contract, enums as their kebab-case strings, legal dates
// as ISO text), read with the API's own JSON options.

public sealed record DeadlineView(string Name, string StartsFrom, string Period, string DueOn, string Explanation);

public sealed record DisputeEventView(string Kind, string Detail);

public sealed record AgreementView(string ProposedBy, IReadOnlyList<string> AgreedBy);

public sealed record DisputeView(Guid Id, Guid ConventionId, string Status, IReadOnlyList<DeadlineView> Deadlines, IReadOnlyList<DisputeEventView> Events, AgreementView? Agreement)
{
    public DeadlineView Deadline(string name) => Deadlines.Single(d => d.Name == name);
}

public sealed record PageView<T>(IReadOnlyList<T> Items, int Total);

public sealed record RecipientView(string Name, string Email);

public sealed record NoticeView(string Kind, IReadOnlyList<RecipientView> Recipients, IReadOnlyList<Guid> OrganizationIds);

public sealed record ConventionView(Guid Id, string Status);
