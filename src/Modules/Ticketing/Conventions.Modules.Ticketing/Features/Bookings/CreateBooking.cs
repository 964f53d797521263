using Conventions.BuildingBlocks.Idempotency;
using Conventions.BuildingBlocks.Rendering;
using Conventions.Modules.Conventions.Contracts;
using Microsoft.AspNetCore.Builder;

namespace Conventions.Modules.Ticketing.Features;

internal sealed record GuestInput
{
    /// <example>Yanis K.</example>
    public string? FullName { get; init; }

    /// <example>family</example>
    public GuestRelation? Relation { get; init; }
}

internal sealed record CompanionInput
{
    /// <example>Julie R.</example>
    public string? FullName { get; init; }

    /// <example>professional</example>
    public CompanionKind? Kind { get; init; }

    /// <summary>Why the companion's presence is wanted or needed.</summary>
    /// <example>Accompagnement demandé par l'Actionneur (première sortie au théâtre).</example>
    public string? Reason { get; init; }
}

/// <summary>A booking for one beneficiary, freely chosen, with optional guests and companions: all seats or none.</summary>
internal sealed record CreateBooking : ICommand<BookingDto>, ILooksUpIdempotencyKeyWhereItWrites
{
    public Guid? SessionId { get; init; }

    public Guid? BeneficiaryId { get; init; }

    public IReadOnlyList<GuestInput>? Guests { get; init; }

    public IReadOnlyList<CompanionInput>? Companions { get; init; }
}

internal sealed class CreateBookingValidator : AbstractValidator<CreateBooking>
{
    public CreateBookingValidator()
    {
        RuleFor(c => c.SessionId).NotEmpty().WithMessage("Required.");
        RuleFor(c => c.BeneficiaryId).NotEmpty().WithMessage("Required.");
        RuleFor(c => c.Guests).Must(g => g is null || g.Count <= 10).WithMessage("At most 10 guests.");
        RuleFor(c => c.Companions).Must(g => g is null || g.Count <= 5).WithMessage("At most 5 companions.");
        RuleForEach(c => c.Guests).ChildRules(g =>
        {
            g.RuleFor(x => x.FullName).RequiredText(200);
            g.RuleFor(x => x.Relation).NotNull().WithMessage("Required: family or friend.");
        });
        RuleForEach(c => c.Companions).ChildRules(g =>
        {
            g.RuleFor(x => x.FullName).RequiredText(200);
            g.RuleFor(x => x.Kind).NotNull().WithMessage("Required: professional or volunteer.");
            g.RuleFor(x => x.Reason).RequiredParagraphs(500);
        });
    }
}

internal sealed class CreateBookingHandler(TicketingDbContext db, ICurrentActor current, TimeProvider clock, IMediator mediator, BookingGroupCommit writer, IdempotencyRequest idempotency) : ICommandHandler<CreateBooking, BookingDto>
{
    public async ValueTask<BookingDto> Handle(CreateBooking command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var organization = actor.OrganizationId ?? throw new ForbiddenException("booking.organization_only", "Bookings are made with a social partner's booker key.");
        var standing = await mediator.Send(new MayOperateUnder(organization, ConventionTemplates.CultureSocialPartner), cancellationToken);
        if (!standing.Allowed)
        {
            throw new ConflictException("convention.not_active",
                standing.Status is null
                    ? "Your organization has no Culture pour tous convention: bookings need an active one."
                    : $"Your organization's Culture pour tous convention is {JsonDefaults.Kebab(standing.Status.Value)}: bookings need an active one.");
        }
        var now = clock.GetUtcNow();
        // With an Idempotency-Key, the key is looked up and the answer stored where the booking is written (ADR 0014, 0026).
        var pending = idempotency.Defer();
        IReadOnlyList<WarningDto> warnings = [];

        // Decided where the reads are cheapest: on SQLite by the group commit, in its transaction and in this booking's
        // turn (ADR 0026); on PostgreSQL by the group commit too, from its group's reads sent in one round trip (ADR
        // 0028); on SQL Server here, before queueing. Run again if its transaction is retried.
        async ValueTask<BookingDecision> Decide(IBookingReads reads, CancellationToken ct)
        {
            var beneficiary = await reads.BeneficiaryAsync(command.BeneficiaryId!.Value, organization, ct)
                ?? throw NotFoundException.For("beneficiary", command.BeneficiaryId!.Value);
            var session = await reads.SessionAsync(command.SessionId!.Value, ct)
                ?? throw NotFoundException.For("session", command.SessionId!.Value);
            session.EnsureBookable(now);
            var week = Booking.WeekOf(session.StartsAt);
            var found = new List<WarningDto>();
            if (ReasonableUse.WarningFor(await reads.BookingsInWeekAsync(beneficiary.Id, week, ct), week) is { } warning)
            {
                found.Add(new WarningDto("booking.reasonable_use", warning));
            }
            warnings = found;

            var people = new List<InvitationRequest> { new(beneficiary.DisplayName, InvitationRole.Beneficiary) };
            people.AddRange((command.Guests ?? []).Select(g => new InvitationRequest(g.FullName!, InvitationRole.Guest, Relation: g.Relation)));
            people.AddRange((command.Companions ?? []).Select(c => new InvitationRequest(c.FullName!, InvitationRole.Companion, CompanionKind: c.Kind, Reason: c.Reason)));
            var booking = Booking.Request(BookedSession.Of(session), organization, beneficiary.Id, actor.CredentialId, people, now);
            // An offer's publisher never changes: read once per offer, then from memory.
            if (!Publishers.TryGetValue(session.OfferId, out var publisher))
            {
                if (Publishers.Count > 100_000)
                {
                    Publishers.Clear();
                }
                publisher = Publishers[session.OfferId] = await reads.PublisherOfAsync(session.OfferId, ct);
            }
            // The answer a retry with the same key gets, from the waiting position, stored in the booking's transaction.
            return new BookingDecision(booking, pending is null ? null : place => pending.Record(TicketingMapping.ToDto(booking, place, found)), publisher);
        }

        // Seats taken (all or none) or the waiting list joined, and committed, together with the other bookings waiting
        // to be written (group commit).
        var keys = new BookingKeys(command.BeneficiaryId!.Value, organization, command.SessionId!.Value, now);
        var (written, position) = await writer.WriteAsync(db, keys, Decide, pending, cancellationToken);
        return TicketingMapping.ToDto(written, position, warnings);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, Guid> Publishers = new();
}
