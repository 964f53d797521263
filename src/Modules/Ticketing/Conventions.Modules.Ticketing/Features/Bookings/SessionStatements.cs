using Conventions.BuildingBlocks.Persistence;
using Conventions.Modules.Ticketing.Domain;
using Conventions.Modules.Ticketing.Persistence;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;

namespace Conventions.Modules.Ticketing.Features;

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
