using Conventions.BuildingBlocks.Access;
using Conventions.BuildingBlocks.Errors;
using Conventions.BuildingBlocks.Persistence;
using Conventions.BuildingBlocks.Rendering;
using Conventions.BuildingBlocks.Time;
using Conventions.Modules.Notices.Contracts;
using Conventions.Modules.Partners.Contracts;
using Conventions.Modules.Ticketing.Domain;
using Conventions.Modules.Ticketing.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
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

    /// <summary>The Billetterie solidaire is Culture pour tous's: its operators act on every offer, nobody else's.</summary>
    public const string Program = ProgramKeys.CulturePourTous;

    /// <summary>The offer's publisher, the operators of Culture pour tous, and the platform.</summary>
    public static void EnsurePublisher(Actor actor, Offer offer)
    {
        if (!(actor.Operates(Program) || actor.IsStaffOf(offer.PublisherOrganizationId, Role.Publisher)))
        {
            throw new ForbiddenException("offer.forbidden", "Only the offer's publisher (or the operator of Culture pour tous) may change it.");
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
/// A statement on one session's row, prepared once for the current transaction from the EF mapping
/// (<see cref="MappedTable"/>) and run for many bookings: it applies only while the session is scheduled.
/// </summary>
internal sealed class SessionStatement : IAsyncDisposable
{
    private readonly System.Data.Common.DbCommand _command;
    private readonly RelationalTypeMapping _id;
    private readonly RelationalTypeMapping _status;

    /// <param name="sessions">The sessions table, as <c>MappedTable.Of&lt;Session&gt;</c> gives it.</param>
    /// <param name="text">The statement, given its condition on the session's key and status.</param>
    public SessionStatement(MappedTable sessions, Func<string, string> text)
    {
        (_id, _status) = (sessions.Mapping(nameof(Session.Id)), sessions.Mapping(nameof(Session.Status)));
        _command = sessions.NewCommand();
        _command.CommandText = text($"{sessions.Column(nameof(Session.Id))} = @id AND {sessions.Column(nameof(Session.Status))} = @scheduled");
    }

    /// <summary>The command for this session (the type mappings convert and type each parameter, as EF does).</summary>
    public System.Data.Common.DbCommand For(Guid sessionId)
    {
        _command.Parameters.Clear();
        _command.Parameters.Add(_id.CreateParameter(_command, "@id", sessionId, nullable: false));
        _command.Parameters.Add(_status.CreateParameter(_command, "@scheduled", SessionStatus.Scheduled, nullable: false));
        return _command;
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}

/// <summary>
/// The conditional seat update, <c>SET SeatsLeft = SeatsLeft - n WHERE Id = @id AND Status = 'Scheduled' AND
/// SeatsLeft &gt;= n</c>, as one command prepared for the current transaction and reused for each booking of a group:
/// the seats are never read and then written, and the statement is compiled once rather than translated by EF for each
/// booking.
/// </summary>
internal sealed class SeatUpdate : IAsyncDisposable
{
    private readonly SessionStatement _statement;
    private readonly RelationalTypeMapping _seats;

    private SeatUpdate(SessionStatement statement, RelationalTypeMapping seats) => (_statement, _seats) = (statement, seats);

    /// <summary>Prepares the update on the context's connection, inside its current transaction (required).</summary>
    public static SeatUpdate Prepare(TicketingDbContext db)
    {
        var table = MappedTable.Of<Session>(db);
        var left = table.Column(nameof(Session.SeatsLeft));
        var statement = new SessionStatement(table, scheduled => $"UPDATE {table.Name} SET {left} = {left} - @seats WHERE {scheduled} AND {left} >= @seats");
        return new SeatUpdate(statement, table.Mapping(nameof(Session.SeatsLeft)));
    }

    /// <summary>True when the seats were taken; false when fewer are left or the session is not scheduled.</summary>
    public async Task<bool> TakeAsync(Guid sessionId, int seats, CancellationToken cancellationToken)
    {
        var command = _statement.For(sessionId);
        command.Parameters.Add(_seats.CreateParameter(command, "@seats", seats, nullable: false));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public ValueTask DisposeAsync() => _statement.DisposeAsync();
}

/// <summary>
/// A booking's place at the end of a session's waiting list, taken on the session's row in one relative update that
/// returns the list's new length (the booking's position) and the next sequence: no count of the list, and two writers
/// (two hosts on one SQL Server) are ordered by the row's lock rather than both reading the same last sequence.
/// </summary>
internal sealed class WaitlistJoin : IAsyncDisposable
{
    private readonly SessionStatement _statement;

    private WaitlistJoin(SessionStatement statement) => _statement = statement;

    public static WaitlistJoin Prepare(TicketingDbContext db)
    {
        var table = MappedTable.Of<Session>(db);
        var (waiting, sequence) = (table.Column(nameof(Session.Waiting)), table.Column(nameof(Session.WaitlistSequence)));
        var set = $"SET {waiting} = {waiting} + 1, {sequence} = {sequence} + 1";
        return new(new SessionStatement(table, scheduled => table.IsSqlServer
            ? $"UPDATE {table.Name} {set} OUTPUT INSERTED.{waiting}, INSERTED.{sequence} WHERE {scheduled}"
            : $"UPDATE {table.Name} {set} WHERE {scheduled} RETURNING {waiting}, {sequence}"));
    }

    /// <summary>The booking's position and sequence on the list; null when the session is no longer scheduled.</summary>
    public async Task<(int Position, long Sequence)?> JoinAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        await using var reader = await _statement.For(sessionId).ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (Convert.ToInt32(reader.GetValue(0)), Convert.ToInt64(reader.GetValue(1))) : null;
    }

    public ValueTask DisposeAsync() => _statement.DisposeAsync();
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
