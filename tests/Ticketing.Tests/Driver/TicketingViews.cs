namespace Ticketing.Tests.Driver;

// The API's answers as a partner portal reads them (the JSON contract, enums as their kebab-case strings), read with
// the API's own JSON options. Only the fields the tests look at; the contract itself is checked by the OpenAPI tests.

public sealed record InvitationView(Guid Id, string HolderName, string Role, string? Relation, string? CompanionKind, string Code, string Status);

public sealed record WarningView(string Code, string Message);

public sealed record BookingView(
    Guid Id, Guid SessionId, Guid OfferId, Guid BeneficiaryId, string Status, int? WaitlistPosition, DateTimeOffset SessionStartsAt,
    IReadOnlyList<InvitationView> Invitations, IReadOnlyList<WarningView> Warnings)
{
    public InvitationView Invitation(string role) => Invitations.First(i => i.Role == role);
}

public sealed record SessionView(Guid Id, DateTimeOffset StartsAt, int Seats, int SeatsLeft, string Status, string? CancellationReason);

public sealed record OfferView(Guid Id, string Title, IReadOnlyList<SessionView> Sessions)
{
    public SessionView Session => Sessions[0];
}

public sealed record BeneficiaryView(Guid Id, string DisplayName);

public sealed record PageView<T>(IReadOnlyList<T> Items, int Total, string? Next);

public sealed record RecipientView(string Name, string Email);

public sealed record NoticeView(string Kind, string Subject, IReadOnlyList<RecipientView> Recipients);

public sealed record DashboardView(int Bookings, int Waitlisted, int Invitations, int Attended, int NoShows, int Cancelled);

public sealed record UnusedEntryView(Guid OrganizationId, int Invitations, int NoShows);
