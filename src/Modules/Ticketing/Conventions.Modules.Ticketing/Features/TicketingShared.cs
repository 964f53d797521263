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
using Microsoft.EntityFrameworkCore.Metadata;
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
/// party fits are confirmed (each through the same conditional update) and their structures notified. The list is read
/// in pages, in its order, and only until the freed seats are gone: a long list costs a cancellation one page, not a
/// pass over every waiting booking.
/// </summary>
internal sealed class Waitlist(IMediator mediator, TicketingNotices notices)
{
    private const int PageSize = 50;

    public async Task<int> PromoteAsync(TicketingDbContext db, Guid sessionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Read only to know when to stop: each booking's seats are still taken by the conditional update, which alone
        // decides (another host may have taken some meanwhile).
        var free = await SeatsLeft(db, sessionId);
        var promoted = 0;
        (long Sequence, Guid Id)? after = null;
        await using var seats = SeatUpdate.Prepare(db);
        while (free > 0)
        {
            var page = await NextWaiting(db, sessionId, after).ToListAsync(cancellationToken);
            foreach (var booking in page)
            {
                var party = booking.Party;
                if (free <= 0 || party > free)
                {
                    continue;
                }
                if (!await seats.TakeAsync(sessionId, party, cancellationToken))
                {
                    free = await SeatsLeft(db, sessionId);
                    continue;
                }
                free -= party;
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
            if (page.Count < PageSize)
            {
                break;
            }
            after = (page[^1].WaitlistSequence, page[^1].Id);
        }
        await LeaveAsync(db, sessionId, promoted, cancellationToken);
        return promoted;
    }

    /// <summary>Counts bookings off the session's waiting list (promoted or cancelled), in the current transaction.</summary>
    public static async Task LeaveAsync(TicketingDbContext db, Guid sessionId, int bookings, CancellationToken cancellationToken)
    {
        if (bookings > 0)
        {
            await db.Sessions.Where(s => s.Id == sessionId)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Waiting, s => s.Waiting - bookings), cancellationToken);
        }
    }

    private static readonly Func<TicketingDbContext, Guid, Task<int>> SeatsLeft = EF.CompileAsyncQuery(
        (TicketingDbContext db, Guid session) => db.Sessions.Where(s => s.Id == session).Select(s => s.SeatsLeft).Single());

    private static IQueryable<Booking> NextWaiting(TicketingDbContext db, Guid sessionId, (long Sequence, Guid Id)? after)
    {
        var waiting = db.Bookings.Include(b => b.Invitations).Where(b => b.SessionId == sessionId && b.Status == BookingStatus.Waitlisted);
        if (after is var (sequence, id))
        {
            waiting = waiting.Where(b => b.WaitlistSequence > sequence || (b.WaitlistSequence == sequence && b.Id.CompareTo(id) > 0));
        }
        return waiting.OrderBy(b => b.WaitlistSequence).ThenBy(b => b.Id).Take(PageSize);
    }
}

internal static class Seats
{
    /// <summary>Gives seats back, in one relative update.</summary>
    public static Task GiveBackAsync(TicketingDbContext db, Guid sessionId, int seats, CancellationToken cancellationToken) =>
        db.Sessions.Where(s => s.Id == sessionId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.SeatsLeft, s => s.SeatsLeft + seats), cancellationToken);
}

/// <summary>
/// The sessions table as the EF model maps it (table, delimited column names, type mappings), for the commands below that
/// are prepared once and reused inside the current transaction, so they follow the mapping and the provider.
/// </summary>
internal sealed class SessionTable
{
    private readonly IEntityType _entity;
    private readonly Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier _table;
    private readonly ISqlGenerationHelper _sql;

    public SessionTable(TicketingDbContext db)
    {
        _entity = db.Model.FindEntityType(typeof(Session))!;
        _table = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(_entity.GetTableName()!, _entity.GetSchema());
        _sql = db.GetService<ISqlGenerationHelper>();
        IsSqlServer = db.Database.ProviderName == "Microsoft.EntityFrameworkCore.SqlServer";
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Sessions are updated inside a transaction.");
        Command = transaction.Connection!.CreateCommand();
        Command.Transaction = transaction;
    }

    /// <summary>A new command on the context's connection, in its current transaction (required).</summary>
    public System.Data.Common.DbCommand Command { get; }

    public bool IsSqlServer { get; }

    public string Name => _sql.DelimitIdentifier(_table.Name, _table.Schema);

    public string Column(string property) => _sql.DelimitIdentifier(_entity.FindProperty(property)!.GetColumnName(_table)!);

    public RelationalTypeMapping Mapping(string property) => (RelationalTypeMapping)_entity.FindProperty(property)!.GetTypeMapping();

    /// <summary>The session's key and scheduled status as the two first parameters (<c>@id</c>, <c>@scheduled</c>).</summary>
    public string WhereScheduled()
    {
        Command.Parameters.Add(Mapping(nameof(Session.Id)).CreateParameter(Command, "@id", Guid.Empty, nullable: false));
        Command.Parameters.Add(Mapping(nameof(Session.Status)).CreateParameter(Command, "@scheduled", SessionStatus.Scheduled, nullable: false));
        return $"{Column(nameof(Session.Id))} = @id AND {Column(nameof(Session.Status))} = @scheduled";
    }

    /// <summary>Sets the <c>@id</c> parameter (the first) to this session's key, converted as the model says.</summary>
    public void SetSession(Guid sessionId) =>
        Command.Parameters[0].Value = Mapping(nameof(Session.Id)).Converter is { } converter ? converter.ConvertToProvider(sessionId) : sessionId;
}

/// <summary>
/// The conditional seat update, <c>SET SeatsLeft = SeatsLeft - n WHERE Id = @id AND Status = 'Scheduled' AND
/// SeatsLeft &gt;= n</c>, as one command prepared for the current transaction and reused for each booking of a group:
/// the seats are never read and then written, and the statement is compiled once rather than translated by EF for each
/// booking.
/// </summary>
internal sealed class SeatUpdate : IAsyncDisposable
{
    private readonly SessionTable _sessions;

    private SeatUpdate(SessionTable sessions) => _sessions = sessions;

    /// <summary>Prepares the update on the context's connection, inside its current transaction (required).</summary>
    public static SeatUpdate Prepare(TicketingDbContext db)
    {
        var sessions = new SessionTable(db);
        var where = sessions.WhereScheduled();
        var seatsLeft = sessions.Column(nameof(Session.SeatsLeft));
        sessions.Command.Parameters.Add(sessions.Mapping(nameof(Session.SeatsLeft)).CreateParameter(sessions.Command, "@seats", 0, nullable: false));
        sessions.Command.CommandText = $"UPDATE {sessions.Name} SET {seatsLeft} = {seatsLeft} - @seats WHERE {where} AND {seatsLeft} >= @seats";
        return new SeatUpdate(sessions);
    }

    /// <summary>True when the seats were taken; false when fewer are left or the session is not scheduled.</summary>
    public async Task<bool> TakeAsync(Guid sessionId, int seats, CancellationToken cancellationToken)
    {
        _sessions.SetSession(sessionId);
        _sessions.Command.Parameters[2].Value = seats;
        return await _sessions.Command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public ValueTask DisposeAsync() => _sessions.Command.DisposeAsync();
}

/// <summary>
/// A booking's place at the end of a session's waiting list, taken on the session's row in one relative update that
/// returns the list's new length (the booking's position) and the next sequence: no count of the list, and two writers
/// (two hosts on one SQL Server) are ordered by the row's lock rather than both reading the same last sequence.
/// </summary>
internal sealed class WaitlistJoin : IAsyncDisposable
{
    private readonly SessionTable _sessions;

    private WaitlistJoin(SessionTable sessions) => _sessions = sessions;

    public static WaitlistJoin Prepare(TicketingDbContext db)
    {
        var sessions = new SessionTable(db);
        var where = sessions.WhereScheduled();
        var (waiting, sequence) = (sessions.Column(nameof(Session.Waiting)), sessions.Column(nameof(Session.WaitlistSequence)));
        var set = $"SET {waiting} = {waiting} + 1, {sequence} = {sequence} + 1";
        sessions.Command.CommandText = sessions.IsSqlServer
            ? $"UPDATE {sessions.Name} {set} OUTPUT INSERTED.{waiting}, INSERTED.{sequence} WHERE {where}"
            : $"UPDATE {sessions.Name} {set} WHERE {where} RETURNING {waiting}, {sequence}";
        return new WaitlistJoin(sessions);
    }

    /// <summary>The booking's position and sequence on the list; null when the session is no longer scheduled.</summary>
    public async Task<(int Position, long Sequence)?> JoinAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        _sessions.SetSession(sessionId);
        await using var reader = await _sessions.Command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (Convert.ToInt32(reader.GetValue(0)), Convert.ToInt64(reader.GetValue(1))) : null;
    }

    public ValueTask DisposeAsync() => _sessions.Command.DisposeAsync();
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
