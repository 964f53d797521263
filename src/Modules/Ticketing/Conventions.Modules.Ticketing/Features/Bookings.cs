using Conventions.BuildingBlocks.Access;
using Conventions.BuildingBlocks.Errors;
using Conventions.BuildingBlocks.Rendering;
using Conventions.BuildingBlocks.Time;
using Conventions.BuildingBlocks.Validation;
using Conventions.BuildingBlocks.Web;
using Conventions.Modules.Conventions.Contracts;
using Conventions.Modules.Ticketing.Domain;
using Conventions.Modules.Ticketing.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Conventions.Modules.Ticketing.Features;

internal sealed record BeneficiaryDto(Guid Id, string DisplayName, string? ExternalRef, DateTimeOffset CreatedAt);

/// <summary>Registers a beneficiary (Actionneur) with minimal data, for the caller's organization only.</summary>
internal sealed record RegisterBeneficiary : ICommand<BeneficiaryDto>
{
    /// <example>Samia K.</example>
    public string? DisplayName { get; init; }

    /// <summary>The structure's own reference for the person (optional).</summary>
    /// <example>DOS-2026-114</example>
    public string? ExternalRef { get; init; }
}

internal sealed class RegisterBeneficiaryValidator : AbstractValidator<RegisterBeneficiary>
{
    public RegisterBeneficiaryValidator()
    {
        RuleFor(c => c.DisplayName).RequiredText(200);
        RuleFor(c => c.ExternalRef).OptionalText(100);
    }
}

internal sealed class BeneficiaryHandlers(TicketingDbContext db, ICurrentActor current, TimeProvider clock)
    : ICommandHandler<RegisterBeneficiary, BeneficiaryDto>, IQueryHandler<ListBeneficiaries, ListResponse<BeneficiaryDto>>
{
    public ValueTask<BeneficiaryDto> Handle(RegisterBeneficiary command, CancellationToken cancellationToken)
    {
        var organization = current.Actor.OrganizationId ?? throw new ForbiddenException("beneficiary.organization_only", "Beneficiaries belong to a social partner: use its key.");
        var beneficiary = new Beneficiary
        {
            Id = Guid.NewGuid(),
            OrganizationId = organization,
            DisplayName = command.DisplayName!.Trim(),
            ExternalRef = string.IsNullOrWhiteSpace(command.ExternalRef) ? null : command.ExternalRef.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Beneficiaries.Add(beneficiary);
        return ValueTask.FromResult(new BeneficiaryDto(beneficiary.Id, beneficiary.DisplayName, beneficiary.ExternalRef, beneficiary.CreatedAt));
    }

    /// <summary>Only the caller's own organization's beneficiaries: no role, not even an admin, lists another's.</summary>
    public async ValueTask<ListResponse<BeneficiaryDto>> Handle(ListBeneficiaries query, CancellationToken cancellationToken)
    {
        var own = current.Actor.OrganizationId;
        var items = await db.Beneficiaries.AsNoTracking().Where(b => b.OrganizationId == own).OrderBy(b => b.DisplayName)
            .Select(b => new BeneficiaryDto(b.Id, b.DisplayName, b.ExternalRef, b.CreatedAt)).ToListAsync(cancellationToken);
        return new ListResponse<BeneficiaryDto>(items, items.Count);
    }
}

internal sealed record ListBeneficiaries : IQuery<ListResponse<BeneficiaryDto>>;

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
internal sealed record CreateBooking : ICommand<BookingDto>
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

internal sealed class CreateBookingHandler(TicketingDbContext db, ICurrentActor current, TimeProvider clock, IMediator mediator, BookingWriter writer) : ICommandHandler<CreateBooking, BookingDto>
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
        // The reads below share one connection (each would otherwise take one from the pool and give it back).
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var now = clock.GetUtcNow();
            // Checks and the advisory weekly count read outside the write transaction; the seats themselves are decided
            // inside it, by the conditional update alone.
            var beneficiary = await BeneficiaryOf(db, command.BeneficiaryId!.Value, organization)
                ?? throw NotFoundException.For("beneficiary", command.BeneficiaryId!.Value);
            var session = await SessionById(db, command.SessionId!.Value)
                ?? throw NotFoundException.For("session", command.SessionId!.Value);
            if (session.Status == SessionStatus.Cancelled)
            {
                throw new ConflictException("session.cancelled", "This session is cancelled.");
            }
            if (session.StartsAt <= now)
            {
                throw new ConflictException("session.started", "This session has started.");
            }
            if (session.BookingOpensAt > now || session.BookingClosesAt <= now)
            {
                throw new ConflictException("session.booking_closed", "Bookings for this session are not open now.");
            }
            var week = TicketingMapping.WeekOf(session.StartsAt);
            var sameWeek = await BookingsInWeek(db, beneficiary.Id, week);
            var warnings = new List<WarningDto>();
            if (sameWeek >= 2)
            {
                warnings.Add(new WarningDto("booking.reasonable_use",
                    $"Alerte indicative : c'est la {sameWeek + 1}e réservation de cette personne pour la semaine du {French.Date(week)}. La convention invite à ne pas dépasser deux réservations par semaine et par personne."));
            }

            var invitations = new List<Invitation> { New(now, beneficiary.DisplayName, InvitationRole.Beneficiary) };
            invitations.AddRange((command.Guests ?? []).Select(g => New(now, g.FullName!.Trim(), InvitationRole.Guest, relation: g.Relation)));
            invitations.AddRange((command.Companions ?? []).Select(c => New(now, c.FullName!.Trim(), InvitationRole.Companion, kind: c.Kind, reason: c.Reason!.Trim())));
            var booking = new Booking
            {
                // Time-ordered identifiers (UUID v7): new rows land at the end of their indexes instead of on a random page
                // each, so a group commit writes a few pages rather than several per booking.
                Id = Guid.CreateVersion7(now),
                SessionId = session.Id,
                OfferId = session.OfferId,
                OrganizationId = organization,
                BeneficiaryId = beneficiary.Id,
                BookedByCredentialId = actor.CredentialId,
                SessionStartsAt = session.StartsAt,
                SessionWeek = week,
                CreatedAt = now,
                Invitations = invitations,
            };
            // Seats taken (all or none) or the waiting list joined, and committed, together with the other bookings
            // waiting to be written (group commit).
            var position = await writer.WriteAsync(booking);
            return TicketingMapping.ToDto(booking, position, warnings);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // The booking path's reads, compiled once: each booking skips EF's expression processing and query-cache lookup.
    private static readonly Func<TicketingDbContext, Guid, Guid, Task<Beneficiary?>> BeneficiaryOf = EF.CompileAsyncQuery(
        (TicketingDbContext db, Guid id, Guid organization) => db.Beneficiaries.AsNoTracking().SingleOrDefault(b => b.Id == id && b.OrganizationId == organization));

    private static readonly Func<TicketingDbContext, Guid, Task<Session?>> SessionById = EF.CompileAsyncQuery(
        (TicketingDbContext db, Guid id) => db.Sessions.AsNoTracking().SingleOrDefault(s => s.Id == id));

    private static readonly Func<TicketingDbContext, Guid, DateOnly, Task<int>> BookingsInWeek = EF.CompileAsyncQuery(
        (TicketingDbContext db, Guid beneficiary, DateOnly week) => db.Bookings.Count(b => b.BeneficiaryId == beneficiary && b.SessionWeek == week && b.Status != BookingStatus.Cancelled));

    private static Invitation New(DateTimeOffset now, string holder, InvitationRole role, GuestRelation? relation = null, CompanionKind? kind = null, string? reason = null) => new()
    {
        Id = Guid.CreateVersion7(now),
        HolderName = holder,
        Role = role,
        Relation = relation,
        CompanionKind = kind,
        Reason = reason,
        Code = Invitation.NewCode(),
        Status = InvitationStatus.Valid,
    };
}

internal sealed record GetBooking(Guid Id) : IQuery<BookingDto>;

internal sealed record ListBookings(Guid? SessionId, BookingStatus? Status) : IQuery<ListResponse<BookingDto>>;

/// <summary>Changing an invitation's holder: refused to everyone (invitations are nominative), after the usual access check.</summary>
internal sealed record ChangeInvitationHolder(Guid BookingId, Guid InvitationId) : IQuery<ProblemHttpResult>;

internal sealed class ChangeInvitationHolderHandler(TicketingDbContext db, ICurrentActor current) : IQueryHandler<ChangeInvitationHolder, ProblemHttpResult>
{
    public async ValueTask<ProblemHttpResult> Handle(ChangeInvitationHolder query, CancellationToken cancellationToken)
    {
        var booking = await TicketingAccess.BookingAsync(db, query.BookingId, cancellationToken);
        TicketingAccess.EnsureOwnBooking(current.Actor, booking);
        throw new BusinessRuleException("booking.invitation_nominative", "Invitations are nominative and cannot be given to someone else: cancel this one and book again.");
    }
}

internal sealed class BookingQueries(TicketingDbContext db, ICurrentActor current) : IQueryHandler<GetBooking, BookingDto>, IQueryHandler<ListBookings, ListResponse<BookingDto>>
{
    public async ValueTask<BookingDto> Handle(GetBooking query, CancellationToken cancellationToken)
    {
        var booking = await TicketingAccess.BookingAsync(db, query.Id, cancellationToken);
        TicketingAccess.EnsureOwnBooking(current.Actor, booking);
        return TicketingMapping.ToDto(booking, booking.Status == BookingStatus.Waitlisted ? await TicketingAccess.WaitlistPositionAsync(db, booking, cancellationToken) : null);
    }

    /// <summary>The caller's organization's bookings only.</summary>
    public async ValueTask<ListResponse<BookingDto>> Handle(ListBookings query, CancellationToken cancellationToken)
    {
        var own = current.Actor.OrganizationId;
        var bookings = db.Bookings.AsNoTracking().Include(b => b.Invitations).Where(b => b.OrganizationId == own);
        if (query.SessionId is { } sessionId)
        {
            bookings = bookings.Where(b => b.SessionId == sessionId);
        }
        if (query.Status is { } status)
        {
            bookings = bookings.Where(b => b.Status == status);
        }
        var items = await bookings.OrderBy(b => b.SessionStartsAt).ThenBy(b => b.CreatedAt).ToListAsync(cancellationToken);
        return new ListResponse<BookingDto>(items.Select(b => TicketingMapping.ToDto(b)).ToList(), items.Count);
    }
}

/// <summary>Cancels a whole booking (all its invitations at once) or one guest's or companion's invitation.</summary>
internal sealed record CancelBooking(Guid BookingId, Guid? InvitationId) : ICommand<BookingDto>;

internal sealed class CancelBookingHandler(TicketingDbContext db, ICurrentActor current, TimeProvider clock, Waitlist waitlist) : ICommandHandler<CancelBooking, BookingDto>
{
    public async ValueTask<BookingDto> Handle(CancelBooking command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.InTransactionAsync(System.Data.IsolationLevel.ReadCommitted, async ct =>
        {
            var booking = await TicketingAccess.BookingAsync(db, command.BookingId, ct);
            TicketingAccess.EnsureOwnBooking(current.Actor, booking);
            if (booking.Status == BookingStatus.Cancelled)
            {
                throw new ConflictException("booking.already_cancelled", "This booking is already cancelled.");
            }
            if (booking.SessionStartsAt <= now)
            {
                throw new ConflictException("session.started", "Cancelling is possible until the session starts.");
            }
            var wasConfirmed = booking.Status == BookingStatus.Confirmed;
            var wasWaiting = booking.Status == BookingStatus.Waitlisted;
            int freed;
            if (command.InvitationId is { } invitationId)
            {
                var invitation = booking.Invitations.SingleOrDefault(i => i.Id == invitationId) ?? throw NotFoundException.For("invitation", invitationId);
                if (invitation.Role == InvitationRole.Beneficiary)
                {
                    throw new BusinessRuleException("booking.beneficiary_invitation", "The beneficiary's invitation goes with the booking: cancel the booking instead.");
                }
                if (invitation.Status != InvitationStatus.Valid)
                {
                    throw new ConflictException("invitation.already_cancelled", "This invitation is already cancelled.");
                }
                invitation.Status = InvitationStatus.Cancelled;
                freed = wasConfirmed ? 1 : 0;
            }
            else
            {
                freed = wasConfirmed ? booking.Party : 0;
                if (wasWaiting)
                {
                    await Waitlist.LeaveAsync(db, booking.SessionId, 1, ct);
                }
                booking.Status = BookingStatus.Cancelled;
                booking.CancelledAt = now;
                foreach (var invitation in booking.Invitations.Where(i => i.Status == InvitationStatus.Valid))
                {
                    invitation.Status = InvitationStatus.Cancelled;
                }
            }
            await db.SaveChangesAsync(ct);
            if (freed > 0)
            {
                await Seats.GiveBackAsync(db, booking.SessionId, freed, ct);
                await waitlist.PromoteAsync(db, booking.SessionId, now, ct);
            }
            return TicketingMapping.ToDto(booking);
        }, cancellationToken);
    }
}

internal sealed record AttendanceEntry
{
    public Guid? InvitationId { get; init; }

    /// <example>true</example>
    public bool? Attended { get; init; }
}

internal sealed record AttendanceBody
{
    public IReadOnlyList<AttendanceEntry>? Invitations { get; init; }

    /// <example>Très belle sortie ; l'Actionneur souhaite revenir.</example>
    public string? Comment { get; init; }
}

internal sealed record RecordAttendance(Guid BookingId, AttendanceBody Body) : ICommand<BookingDto>;

internal sealed class RecordAttendanceValidator : AbstractValidator<RecordAttendance>
{
    public RecordAttendanceValidator()
    {
        RuleFor(c => c.Body.Invitations).NotEmpty().WithMessage("Required: who came and who did not.");
        RuleForEach(c => c.Body.Invitations).ChildRules(e =>
        {
            e.RuleFor(x => x.InvitationId).NotEmpty().WithMessage("Required.");
            e.RuleFor(x => x.Attended).NotNull().WithMessage("Required: true or false.");
        });
        RuleFor(c => c.Body.Comment).MaximumLength(2000).Must(c => c is null || !Rules.HasControlCharacters(c, allowNewLines: true)).WithMessage("Must not contain control characters.");
    }
}

internal sealed class RecordAttendanceHandler(TicketingDbContext db, ICurrentActor current, TimeProvider clock) : ICommandHandler<RecordAttendance, BookingDto>
{
    public async ValueTask<BookingDto> Handle(RecordAttendance command, CancellationToken cancellationToken)
    {
        var booking = await TicketingAccess.BookingAsync(db, command.BookingId, cancellationToken);
        TicketingAccess.EnsureOwnBooking(current.Actor, booking);
        var now = clock.GetUtcNow();
        if (booking.Status != BookingStatus.Confirmed)
        {
            throw new ConflictException("booking.not_confirmed", "Attendance is recorded for confirmed bookings.");
        }
        if (booking.SessionStartsAt > now)
        {
            throw new ConflictException("session.not_started", "Attendance is recorded after the session.");
        }
        foreach (var entry in command.Body.Invitations!)
        {
            var invitation = booking.Invitations.SingleOrDefault(i => i.Id == entry.InvitationId)
                ?? throw InvalidInputException.Field("invitations", $"Invitation '{entry.InvitationId}' is not part of this booking.");
            if (invitation.Status == InvitationStatus.Cancelled)
            {
                throw new ConflictException("invitation.cancelled", $"Invitation '{invitation.Id}' was cancelled.");
            }
            invitation.Status = entry.Attended!.Value ? InvitationStatus.Attended : InvitationStatus.NoShow;
        }
        booking.AttendanceComment = string.IsNullOrWhiteSpace(command.Body.Comment) ? booking.AttendanceComment : command.Body.Comment.Trim();
        booking.AttendanceRecordedAt = now;
        return TicketingMapping.ToDto(booking);
    }
}

internal sealed record GetCounterMark(Guid InvitationId) : IQuery<string>;

internal sealed class GetCounterMarkHandler(TicketingDbContext db, ICurrentActor current, DocumentRenderer renderer) : IQueryHandler<GetCounterMark, string>
{
    private static readonly TemplateRef Template = new(typeof(GetCounterMarkHandler).Assembly, "counter-mark.sbn-html");

    public async ValueTask<string> Handle(GetCounterMark query, CancellationToken cancellationToken)
    {
        var invitation = await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.Id == query.InvitationId, cancellationToken)
            ?? throw NotFoundException.For("invitation", query.InvitationId);
        var booking = await TicketingAccess.BookingAsync(db, invitation.BookingId, cancellationToken);
        TicketingAccess.EnsureOwnBooking(current.Actor, booking);
        if (booking.Status == BookingStatus.Waitlisted)
        {
            throw new ConflictException("booking.waitlisted", "The booking is on the waiting list: no counter-mark yet.");
        }
        if (invitation.Status == InvitationStatus.Cancelled)
        {
            throw new ConflictException("invitation.cancelled", "This invitation was cancelled.");
        }
        var offer = await db.Offers.AsNoTracking().SingleAsync(o => o.Id == booking.OfferId, cancellationToken);
        var starts = ParisTime.ToParis(booking.SessionStartsAt);
        return renderer.Render(Template, new Dictionary<string, object?>
        {
            ["title"] = offer.Title,
            ["category"] = offer.Category switch
            {
                OfferCategory.Show => "Spectacle",
                OfferCategory.GuidedTour => "Visite guidée",
                OfferCategory.Conference => "Conférence",
                OfferCategory.Workshop => "Atelier",
                OfferCategory.Match => "Match",
                OfferCategory.Training => "Formation",
                _ => "Sortie",
            },
            ["venue"] = offer.VenueName,
            ["city"] = offer.City,
            ["date"] = French.Date(DateOnly.FromDateTime(starts.DateTime)),
            ["time"] = starts.ToString("HH\\hmm", System.Globalization.CultureInfo.InvariantCulture),
            ["holder"] = invitation.HolderName,
            ["role"] = invitation.Role switch { InvitationRole.Beneficiary => "Actionneur", InvitationRole.Guest => "invité(e)", _ => "accompagnant(e)" },
            ["code"] = invitation.Code,
        }).Html;
    }
}

internal static class BookingEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var staff = new[] { Role.Booker, Role.Partner };

        api.MapPost("/beneficiaries", async Task<Created<BeneficiaryDto>> (RegisterBeneficiary command, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created("/api/v1/beneficiaries", await mediator.Send(command, ct)))
            .WithTags("Beneficiaries").RequireRoles(staff)
            .WithSummary("Registers a beneficiary (Actionneur) with minimal data, visible to your organization only.")
            .ProducesRefusals(400, 401, 403);

        api.MapGet("/beneficiaries", async Task<Ok<ListResponse<BeneficiaryDto>>> (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListBeneficiaries(), ct)))
            .WithTags("Beneficiaries").RequireRoles(staff)
            .WithSummary("Your organization's beneficiaries (never another organization's).")
            .ProducesRefusals(401, 403);

        var group = api.MapGroup("/bookings").WithTags("Bookings");

        group.MapPost("/", async Task<Created<BookingDto>> (CreateBooking command, IMediator mediator, CancellationToken ct) =>
            {
                var booking = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/v1/bookings/{booking.Id}", booking);
            })
            .RequireRoles(Role.Booker)
            .WithSummary("Books a session for one beneficiary with guests and companions: confirmed with nominative invitations, or waitlisted with its position. A third booking in a week for the same person succeeds with a warning.")
            .ProducesRefusals(400, 401, 403, 404, 409);

        group.MapGet("/", async Task<Ok<ListResponse<BookingDto>>> (Guid? sessionId, BookingStatus? status, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListBookings(sessionId, status), ct)))
            .RequireRoles(staff)
            .WithSummary("Your organization's bookings.")
            .ProducesRefusals(400, 401, 403);

        group.MapGet("/{id:guid}", async Task<Ok<BookingDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetBooking(id), ct)))
            .RequireRoles(staff)
            .WithSummary("A booking with its invitations.")
            .ProducesRefusals(401, 403, 404);

        group.MapPost("/{id:guid}/cancel", async Task<Ok<BookingDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new CancelBooking(id, null), ct)))
            .RequireRoles(staff)
            .WithSummary("Cancels the booking and all its invitations at once, until the session starts; freed seats go to the waiting list.")
            .ProducesRefusals(401, 403, 404, 409);

        group.MapPost("/{id:guid}/invitations/{invitationId:guid}/cancel", async Task<Ok<BookingDto>> (Guid id, Guid invitationId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new CancelBooking(id, invitationId), ct)))
            .RequireRoles(staff)
            .WithSummary("Cancels one guest's or companion's invitation.")
            .ProducesRefusals(401, 403, 404, 409, 422);

        group.MapPatch("/{id:guid}/invitations/{invitationId:guid}", async Task<ProblemHttpResult> (Guid id, Guid invitationId, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new ChangeInvitationHolder(id, invitationId), ct))
            .RequireRoles(staff)
            .WithSummary("Changing an invitation's holder is refused: 422 booking.invitation_nominative (cancel and rebook instead).")
            .ProducesRefusals(401, 403, 422);

        group.MapPost("/{id:guid}/attendance", async Task<Ok<BookingDto>> (Guid id, AttendanceBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RecordAttendance(id, body), ct)))
            .RequireRoles(staff)
            .WithSummary("Records, after the session, who came (attended / no-show per invitation) and a comment.")
            .ProducesRefusals(400, 401, 403, 404, 409);

        api.MapGet("/invitations/{id:guid}/document", async Task<ContentHttpResult> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Content(await mediator.Send(new GetCounterMark(id), ct), "text/html; charset=utf-8"))
            .ProducesText("text/html")
            .WithTags("Bookings").RequireRoles(staff)
            .WithSummary("The printable nominative counter-mark (contremarque) of an invitation.")
            .ProducesRefusals(401, 403, 404, 409);
    }
}
