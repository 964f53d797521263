using Conventions.BuildingBlocks.Access;
using Conventions.BuildingBlocks.Errors;
using Conventions.BuildingBlocks.Rendering;
using Conventions.BuildingBlocks.Time;
using Conventions.Modules.Notices.Contracts;
using Conventions.Modules.Partners.Contracts;
using Conventions.Modules.Ticketing.Domain;
using Conventions.Modules.Ticketing.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Conventions.Modules.Ticketing.Features;

internal sealed record InvitationDto(Guid Id, string HolderName, InvitationRole Role, GuestRelation? Relation, CompanionKind? CompanionKind, string? Reason, string Code, InvitationStatus Status);

internal sealed record WarningDto(string Code, string Message);

internal sealed record BookingDto(
    Guid Id, Guid SessionId, Guid OfferId, Guid BeneficiaryId, BookingStatus Status, int? WaitlistPosition, DateTimeOffset SessionStartsAt,
    IReadOnlyList<InvitationDto> Invitations, IReadOnlyList<WarningDto> Warnings, DateTimeOffset CreatedAt, DateTimeOffset? ConfirmedAt, DateTimeOffset? CancelledAt, string? AttendanceComment);

internal static class TicketingMapping
{
    public static InvitationDto ToDto(Invitation i) => new(i.Id, i.HolderName, i.Role, i.Relation, i.CompanionKind, i.Reason, i.Code, i.Status);

    public static BookingDto ToDto(Booking b, int? waitlistPosition = null, IReadOnlyList<WarningDto>? warnings = null) => new(
        b.Id, b.SessionId, b.OfferId, b.BeneficiaryId, b.Status, b.Status == BookingStatus.Waitlisted ? waitlistPosition : null,
        ParisTime.ToParis(b.SessionStartsAt),
        b.Invitations.OrderBy(i => i.Role).ThenBy(i => i.HolderName, StringComparer.Ordinal).Select(ToDto).ToList(),
        warnings ?? [], b.CreatedAt, b.ConfirmedAt, b.CancelledAt, b.AttendanceComment);

    /// <summary>Monday of the date's week (weeks run Monday to Sunday).</summary>
    public static DateOnly WeekOf(DateTimeOffset instant)
    {
        var date = DateOnly.FromDateTime(ParisTime.ToParis(instant).DateTime);
        return date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
    }
}

internal static class TicketingAccess
{
    /// <summary>A social partner's own bookings: its staff (not visitor codes) and the platform.</summary>
    public static void EnsureOwnBooking(Actor actor, Booking booking)
    {
        if (!(actor.SeesEverything || (actor.OrganizationId == booking.OrganizationId && actor.Is(Role.Booker, Role.Partner))))
        {
            throw new ForbiddenException("booking.forbidden", "This booking belongs to another organization.");
        }
    }

    public static void EnsurePublisher(Actor actor, Offer offer)
    {
        if (!(actor.SeesEverything || actor.Role == Role.OperatorAdmin || (actor.Role == Role.Publisher && actor.OrganizationId == offer.PublisherOrganizationId)))
        {
            throw new ForbiddenException("offer.forbidden", "Only the offer's publisher (or the operator) may change it.");
        }
    }

    public static async Task<Booking> BookingAsync(TicketingDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Bookings.Include(b => b.Invitations).SingleOrDefaultAsync(b => b.Id == id, cancellationToken)
            ?? throw NotFoundException.For("booking", id);

    public static async Task<int> WaitlistPositionAsync(TicketingDbContext db, Booking booking, CancellationToken cancellationToken) =>
        await db.Bookings.CountAsync(b => b.SessionId == booking.SessionId && b.Status == BookingStatus.Waitlisted
            && (b.WaitlistSequence < booking.WaitlistSequence || (b.WaitlistSequence == booking.WaitlistSequence && b.Id.CompareTo(booking.Id) < 0)), cancellationToken) + 1;
}

/// <summary>
/// Gives freed seats to the waiting list, in the same transaction as what freed them: the first waiting bookings whose
/// party fits are confirmed (each through the same conditional update) and their structures notified.
/// </summary>
internal sealed class Waitlist(IMediator mediator, TicketingNotices notices)
{
    public async Task<int> PromoteAsync(TicketingDbContext db, Guid sessionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var waiting = await db.Bookings.Include(b => b.Invitations)
            .Where(b => b.SessionId == sessionId && b.Status == BookingStatus.Waitlisted)
            .OrderBy(b => b.WaitlistSequence).ThenBy(b => b.Id)
            .ToListAsync(cancellationToken);
        var promoted = 0;
        foreach (var booking in waiting)
        {
            var seats = booking.Party;
            if (await Seats.TakeAsync(db, sessionId, seats, cancellationToken))
            {
                booking.Status = BookingStatus.Confirmed;
                booking.ConfirmedAt = now;
                promoted++;
                var organization = await mediator.Send(new GetOrganizationSummary(booking.OrganizationId), cancellationToken);
                if (organization is not null)
                {
                    var offer = await db.Offers.AsNoTracking().SingleAsync(o => o.Id == booking.OfferId, cancellationToken);
                    notices.Publish(db, [organization], "waitlist-confirmed", $"Réservation confirmée : {offer.Title}",
                        $"La réservation en liste d'attente pour « {offer.Title} » le {French.Date(DateOnly.FromDateTime(ParisTime.ToParis(booking.SessionStartsAt).DateTime))} est confirmée : des places se sont libérées. Les invitations nominatives sont disponibles.",
                        now, $"booking:{booking.Id:N}:confirmed");
                }
            }
        }
        return promoted;
    }
}

internal static class Seats
{
    /// <summary>Takes seats if enough are left, in one conditional update: true when taken.</summary>
    public static async Task<bool> TakeAsync(TicketingDbContext db, Guid sessionId, int seats, CancellationToken cancellationToken)
    {
        await using var update = SeatUpdate.Prepare(db);
        return await update.TakeAsync(sessionId, seats, cancellationToken);
    }

    /// <summary>Gives seats back, in one relative update.</summary>
    public static Task GiveBackAsync(TicketingDbContext db, Guid sessionId, int seats, CancellationToken cancellationToken) =>
        db.Sessions.Where(s => s.Id == sessionId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.SeatsLeft, s => s.SeatsLeft + seats), cancellationToken);
}

/// <summary>
/// The conditional seat update, <c>SET SeatsLeft = SeatsLeft - n WHERE Id = @id AND Status = 'Scheduled' AND
/// SeatsLeft &gt;= n</c>, as one command prepared for the current transaction and reused for each booking of a group:
/// the seats are never read and then written, and the statement is compiled once rather than translated by EF for each
/// booking. Table, columns and parameter conversions come from the EF model, so it follows the mapping and the provider.
/// </summary>
internal sealed class SeatUpdate : IAsyncDisposable
{
    private readonly System.Data.Common.DbCommand _command;
    private readonly RelationalTypeMapping _idMapping;
    private readonly RelationalTypeMapping _seatsMapping;

    private SeatUpdate(System.Data.Common.DbCommand command, RelationalTypeMapping idMapping,
        RelationalTypeMapping seatsMapping)
    {
        _command = command;
        _idMapping = idMapping;
        _seatsMapping = seatsMapping;
    }

    /// <summary>Prepares the update on the context's connection, inside its current transaction (required).</summary>
    public static SeatUpdate Prepare(TicketingDbContext db)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Seats are taken inside a transaction.");
        var entity = db.Model.FindEntityType(typeof(Session))!;
        var table = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string name) => sql.DelimitIdentifier(entity.FindProperty(name)!.GetColumnName(table)!);
        RelationalTypeMapping Mapping(string name) => (RelationalTypeMapping)entity.FindProperty(name)!.GetTypeMapping();

        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        var seatsLeft = Column(nameof(Session.SeatsLeft));
        command.CommandText = $"UPDATE {sql.DelimitIdentifier(table.Name, table.Schema)} SET {seatsLeft} = {seatsLeft} - @seats " +
            $"WHERE {Column(nameof(Session.Id))} = @id AND {Column(nameof(Session.Status))} = @scheduled AND {seatsLeft} >= @seats";
        command.Parameters.Add(Mapping(nameof(Session.Status)).CreateParameter(command, "@scheduled", SessionStatus.Scheduled, nullable: false));
        return new SeatUpdate(command, Mapping(nameof(Session.Id)), Mapping(nameof(Session.SeatsLeft)));
    }

    /// <summary>True when the seats were taken; false when fewer are left or the session is not scheduled.</summary>
    public async Task<bool> TakeAsync(Guid sessionId, int seats, CancellationToken cancellationToken)
    {
        while (_command.Parameters.Count > 1)
        {
            _command.Parameters.RemoveAt(_command.Parameters.Count - 1);
        }
        _command.Parameters.Add(_seatsMapping.CreateParameter(_command, "@seats", seats, nullable: false));
        _command.Parameters.Add(_idMapping.CreateParameter(_command, "@id", sessionId, nullable: false));
        return await _command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}

/// <summary>French notices to booking structures ("informations de dernière minute").</summary>
internal sealed class TicketingNotices(DocumentRenderer renderer)
{
    private static readonly TemplateRef Letter = new(typeof(TicketingNotices).Assembly, "ticketing-notice.sbn-html");

    public void Publish(TicketingDbContext db, IReadOnlyList<OrganizationSummary> organizations, string kind, string subject, string message, DateTimeOffset now, string key)
    {
        var html = renderer.Render(Letter, new Dictionary<string, object?> { ["subject"] = subject, ["message"] = message }).Html;
        db.Publish(new NoticeRequested(now, kind, subject, html, organizations.SelectMany(NoticeRecipients.ReferentsOf).ToList(),
            organizations.Select(o => o.Id).ToList(), DeduplicationKey: key));
    }
}
