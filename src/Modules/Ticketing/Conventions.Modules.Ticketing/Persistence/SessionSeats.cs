namespace Conventions.Modules.Ticketing.Persistence;

/// <summary>
/// Every statement on a session's seats and waiting list, in the current transaction. Seats are never read and then
/// written: each change is one relative update of the session's row, conditional where it can fail (enough seats
/// left, still scheduled), so two writers, even on two hosts, cannot oversell. <see cref="TryTakeAsync"/> and
/// <see cref="JoinWaitlistAsync"/> run for every booking of a group on SQL Server (SQLite and PostgreSQL count a group's
/// seats in memory, <see cref="LockedSessions"/>): they are prepared once, on first use, from the EF mapping
/// (<see cref="MappedTable"/>), rather than translated by EF for each booking (ADR 0013).
/// </summary>
internal sealed class SessionSeats(TicketingDbContext db) : IAsyncDisposable
{
    private SessionStatement? _take;
    private SessionStatement? _join;

    /// <summary>
    /// <c>SET SeatsLeft = SeatsLeft - n WHERE Id = @id AND Status = 'Scheduled' AND SeatsLeft &gt;= n</c>: true when the
    /// seats were taken, false when fewer are left or the session is not scheduled.
    /// </summary>
    public async Task<bool> TryTakeAsync(Guid sessionId, int seats, CancellationToken cancellationToken)
    {
        _take ??= PrepareTake(MappedTable.Of<Session>(db));
        var command = _take.For(sessionId, ("@seats", nameof(Session.SeatsLeft), seats));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// A place at the end of the session's waiting list, taken on the session's row in one relative update that returns
    /// the list's new length (the booking's position) and the next sequence: no count of the list, and two writers (two
    /// hosts on one server database) are ordered by the row's lock rather than both reading the same last sequence.
    /// Null when the session is no longer scheduled.
    /// </summary>
    public async Task<(int Position, long Sequence)?> JoinWaitlistAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        _join ??= PrepareJoin(MappedTable.Of<Session>(db));
        await using var reader = await _join.For(sessionId).ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (Convert.ToInt32(reader.GetValue(0)), Convert.ToInt64(reader.GetValue(1))) : null;
    }

    /// <summary>Gives seats back (a cancellation), in one relative update.</summary>
    public Task GiveBackAsync(Guid sessionId, int seats, CancellationToken cancellationToken) =>
        db.Sessions.Where(s => s.Id == sessionId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.SeatsLeft, s => s.SeatsLeft + seats), cancellationToken);

    /// <summary>Counts bookings off the waiting list (promoted or cancelled).</summary>
    public async Task LeaveWaitlistAsync(Guid sessionId, int bookings, CancellationToken cancellationToken)
    {
        if (bookings > 0)
        {
            await db.Sessions.Where(s => s.Id == sessionId)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Waiting, s => s.Waiting - bookings), cancellationToken);
        }
    }

    /// <summary>
    /// A new number of seats, the free seats moving by the difference, on condition that the seats booked still fit:
    /// false when bookings taken since the session was read would no longer fit.
    /// </summary>
    public async Task<bool> ResizeAsync(Guid sessionId, int seats, CancellationToken cancellationToken) =>
        await db.Sessions.Where(s => s.Id == sessionId && s.Seats - s.SeatsLeft <= seats)
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.SeatsLeft, s => s.SeatsLeft + (seats - s.Seats))
                .SetProperty(s => s.Seats, seats), cancellationToken) == 1;

    /// <summary>Free seats now, as committed or written in this transaction (to know when to stop serving a list).</summary>
    public Task<int> SeatsLeftAsync(Guid sessionId) => SeatsLeft(db, sessionId);

    private static readonly Func<TicketingDbContext, Guid, Task<int>> SeatsLeft = EF.CompileAsyncQuery(
        (TicketingDbContext db, Guid session) => db.Sessions.Where(s => s.Id == session).Select(s => s.SeatsLeft).Single());

    internal static SessionStatement PrepareTake(MappedTable table) => new(table, TakeSql(table));

    internal static SessionStatement PrepareJoin(MappedTable table) => new(table, JoinSql(table));

    /// <summary>The seat update's text for the context's provider.</summary>
    internal static string TakeSql(MappedTable table)
    {
        var left = table.Column(nameof(Session.SeatsLeft));
        return $"UPDATE {table.Name} SET {left} = {left} - @seats WHERE {Scheduled(table)} AND {left} >= @seats";
    }

    /// <summary>The waiting-list join's text for the context's provider (it returns the new count and sequence).</summary>
    internal static string JoinSql(MappedTable table)
    {
        var (waiting, sequence) = (table.Column(nameof(Session.Waiting)), table.Column(nameof(Session.WaitlistSequence)));
        var set = $"SET {waiting} = {waiting} + 1, {sequence} = {sequence} + 1";
        return table.IsSqlServer
            ? $"UPDATE {table.Name} {set} OUTPUT INSERTED.{waiting}, INSERTED.{sequence} WHERE {Scheduled(table)}"
            : $"UPDATE {table.Name} {set} WHERE {Scheduled(table)} RETURNING {waiting}, {sequence}";
    }

    private static string Scheduled(MappedTable table) =>
        $"{table.Column(nameof(Session.Id))} = @id AND {table.Column(nameof(Session.Status))} = @scheduled";

    public async ValueTask DisposeAsync()
    {
        if (_take is not null)
        {
            await _take.DisposeAsync();
        }
        if (_join is not null)
        {
            await _join.DisposeAsync();
        }
    }
}
