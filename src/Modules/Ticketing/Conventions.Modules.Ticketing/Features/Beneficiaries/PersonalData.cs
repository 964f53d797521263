namespace Conventions.Modules.Ticketing.Features;

/// <summary>A beneficiary's data as the holding structure exports it (RGPD art. 15 and 20): the person, every booking and seat.</summary>
internal sealed record BeneficiaryExportDto(
    Guid Id, Guid OrganizationId, string DisplayName, string? ExternalRef, DateTimeOffset CreatedAt, DateTimeOffset? AnonymisedAt,
    DateTimeOffset ExportedAt, IReadOnlyList<ExportedBookingDto> Bookings);

internal sealed record ExportedBookingDto(
    Guid Id, Guid OfferId, string OfferTitle, Guid SessionId, DateTimeOffset SessionStartsAt, BookingStatus Status, DateTimeOffset CreatedAt,
    DateTimeOffset? CancelledAt, string? AttendanceComment, IReadOnlyList<ExportedInvitationDto> Invitations);

internal sealed record ExportedInvitationDto(string HolderName, InvitationRole Role, GuestRelation? Relation, CompanionKind? CompanionKind, string? Reason, string Code, InvitationStatus Status);

/// <summary>The holding structure's own beneficiary (another's is not found), and its bookings with their seats.</summary>
internal static class PersonalData
{
    public static async Task<Beneficiary> OwnBeneficiaryAsync(TicketingDbContext db, Actor actor, Guid id, CancellationToken cancellationToken, bool track = false)
    {
        var query = track ? db.Beneficiaries : db.Beneficiaries.AsNoTracking();
        var beneficiary = await query.SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        // Visible to its own organization only: for anyone else it does not exist (no role, not even an admin, reads it).
        return beneficiary is not null && beneficiary.OrganizationId == actor.OrganizationId
            ? beneficiary
            : throw NotFoundException.For("beneficiary", id);
    }

    public static Task<List<Booking>> BookingsOfAsync(TicketingDbContext db, Guid beneficiaryId, CancellationToken cancellationToken, bool track = false) =>
        (track ? db.Bookings : db.Bookings.AsNoTracking()).Include(b => b.Invitations)
            .Where(b => b.BeneficiaryId == beneficiaryId).OrderBy(b => b.SessionStartsAt).ThenBy(b => b.Id).ToListAsync(cancellationToken);

    /// <summary>Erases the person and the names on their bookings (guests and companions included); counts stay.</summary>
    public static int Anonymise(Beneficiary beneficiary, IEnumerable<Booking> bookings, DateTimeOffset now)
    {
        if (!beneficiary.Anonymise(now))
        {
            return 0;
        }
        foreach (var booking in bookings)
        {
            booking.AnonymisePeople();
        }
        return 1;
    }
}

internal sealed record ExportBeneficiary(Guid Id) : IQuery<BeneficiaryExportDto>;

internal sealed class ExportBeneficiaryHandler(TicketingDbContext db, ICurrentActor current, TimeProvider clock) : IQueryHandler<ExportBeneficiary, BeneficiaryExportDto>
{
    public async ValueTask<BeneficiaryExportDto> Handle(ExportBeneficiary query, CancellationToken cancellationToken)
    {
        var beneficiary = await PersonalData.OwnBeneficiaryAsync(db, current.Actor, query.Id, cancellationToken);
        var bookings = await PersonalData.BookingsOfAsync(db, beneficiary.Id, cancellationToken);
        var offerIds = bookings.Select(b => b.OfferId).Distinct().ToList();
        var titles = await db.Offers.AsNoTracking().Where(o => offerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Title, cancellationToken);
        return new BeneficiaryExportDto(
            beneficiary.Id, beneficiary.OrganizationId, beneficiary.DisplayName, beneficiary.ExternalRef, beneficiary.CreatedAt, beneficiary.AnonymisedAt,
            clock.GetUtcNow(),
            bookings.Select(b => new ExportedBookingDto(
                b.Id, b.OfferId, titles.GetValueOrDefault(b.OfferId, string.Empty), b.SessionId, b.SessionStartsAt, b.Status, b.CreatedAt, b.CancelledAt,
                b.AttendanceComment,
                b.Invitations.OrderBy(i => i.Role).ThenBy(i => i.Id)
                    .Select(i => new ExportedInvitationDto(i.HolderName, i.Role, i.Relation, i.CompanionKind, i.Reason, i.Code, i.Status)).ToList())).ToList());
    }
}

/// <summary>
/// Erases a beneficiary at the holding structure's request (RGPD art. 17): the person is anonymised, their bookings stay
/// as counts. Refused while an outing is still to come: cancel it first.
/// </summary>
internal sealed record EraseBeneficiary(Guid Id) : ICommand<bool>;

internal sealed class EraseBeneficiaryHandler(TicketingDbContext db, ICurrentActor current, TimeProvider clock) : ICommandHandler<EraseBeneficiary, bool>
{
    public async ValueTask<bool> Handle(EraseBeneficiary command, CancellationToken cancellationToken)
    {
        var beneficiary = await PersonalData.OwnBeneficiaryAsync(db, current.Actor, command.Id, cancellationToken, track: true);
        var bookings = await PersonalData.BookingsOfAsync(db, beneficiary.Id, cancellationToken, track: true);
        var now = clock.GetUtcNow();
        var upcoming = bookings.Count(b => b.IsUpcoming(now));
        if (upcoming > 0)
        {
            throw new ConflictException("beneficiary.upcoming_outing",
                $"This person has {upcoming} outing(s) still to come: cancel them first (POST /bookings/{{id}}/cancel), then erase.");
        }
        PersonalData.Anonymise(beneficiary, bookings, now);
        return true;
    }
}
