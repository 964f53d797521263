using System.Data.Common;

namespace Conventions.Modules.Ticketing.Persistence;

/// <summary>
/// A group's sessions taken whole, for a server database shared by several hosts (PostgreSQL): their rows are locked
/// and read in one statement (<c>SELECT … FOR UPDATE</c>, in id order so two hosts locking the same sessions cannot
/// deadlock), every booking of the group is decided in memory in arrival order (seats while enough are left, else the
/// end of the waiting list), and the sessions' new counts go out with the group's inserts and its commit in one batch
/// (<see cref="BookingGroupCommit"/>). A session's row is then held for one round trip, not one per statement of every
/// booking: three hosts booking one hot session queue on that row (ADR 0013, 0028, docs/performance.md).
/// On SQLite (<see cref="Unlocked"/>) the same counting serves the group commit without a lock of its own: the group's
/// transaction holds SQLite's one write lock, so no other writer can change a session's counts while it runs. A session
/// is read when the group first books it, and written once at the end of the group (<see cref="SaveAsync"/>), instead
/// of one conditional update per booking (ADR 0027).
/// </summary>
internal sealed class LockedSessions
{
    private readonly MappedTable _table;
    private readonly Dictionary<Guid, Counters> _sessions;

    private LockedSessions(MappedTable table, Dictionary<Guid, Counters> sessions)
    {
        _table = table;
        _sessions = sessions;
    }

    /// <summary>
    /// Locks and reads the sessions' rows: in the context's current transaction, or, with <paramref name="begin"/>, in a
    /// transaction block begun by the same round trip (the caller commits it, ADR 0028).
    /// </summary>
    public static async Task<LockedSessions> LockAsync(TicketingDbContext db, IEnumerable<Guid> sessionIds, CancellationToken cancellationToken, string? begin = null)
    {
        var table = MappedTable.Of<Session>(db);
        var sessions = new LockedSessions(table, []);
        await sessions.ReadAsync(sessionIds.Distinct().Order().ToList(), forUpdate: true, cancellationToken, begin);
        return sessions;
    }

    /// <summary>
    /// For SQLite's group commit: no session read yet, each read in the group's transaction when first booked
    /// (<see cref="PlaceAsync"/>). Only under SQLite's write lock, which no other writer can hold meanwhile.
    /// </summary>
    public static LockedSessions Unlocked(TicketingDbContext db) => new(MappedTable.Of<Session>(db), []);

    /// <summary><see cref="Place"/>, reading the session first if the group has not booked it yet.</summary>
    public async ValueTask<(int Position, long Sequence)?> PlaceAsync(Guid sessionId, int seats, CancellationToken cancellationToken)
    {
        if (!_sessions.ContainsKey(sessionId))
        {
            await ReadAsync([sessionId], forUpdate: false, cancellationToken);
        }
        return Place(sessionId, seats);
    }

    /// <summary>Writes the new counts of every session the group changed, one update each (SQLite has no batches).</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        foreach (var (id, session) in _sessions.Where(s => s.Value.Touched))
        {
            await using var command = _table.NewCommand();
            command.CommandText = UpdateText();
            AddUpdateParameters(command.Parameters, command, id, session);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Reads these sessions' counts into the group's (locking their rows on PostgreSQL: <paramref name="forUpdate"/>).</summary>
    private async Task ReadAsync(IReadOnlyList<Guid> ids, bool forUpdate, CancellationToken cancellationToken, string? begin = null)
    {
        var table = _table;
        await using var command = table.NewCommand();
        var idMapping = table.Mapping(nameof(Session.Id));
        var names = new List<string>();
        for (var i = 0; i < ids.Count; i++)
        {
            command.Parameters.Add(idMapping.CreateParameter(command, "@s" + i, ids[i], nullable: false));
            names.Add("@s" + i);
        }
        command.Parameters.Add(table.Mapping(nameof(Session.Status)).CreateParameter(command, "@scheduled", SessionStatus.Scheduled, nullable: false));
        var id = table.Column(nameof(Session.Id));
        command.CommandText = (begin is null ? string.Empty : begin + "; ") +
            $"SELECT {id}, {table.Column(nameof(Session.SeatsLeft))}, {table.Column(nameof(Session.Waiting))}, {table.Column(nameof(Session.WaitlistSequence))}, " +
            $"{table.Column(nameof(Session.Status))} = @scheduled FROM {table.Name} WHERE {id} IN ({string.Join(", ", names)}) ORDER BY {id}" +
            (forUpdate ? " FOR UPDATE" : string.Empty);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            _sessions[reader.GetGuid(0)] = new Counters(reader.GetInt32(1), reader.GetInt32(2), reader.GetInt64(3), reader.GetBoolean(4));
        }
    }

    /// <summary>
    /// The booking's seats taken if enough are left (null), else its place at the end of the waiting list; a session
    /// no longer scheduled (or gone) refuses it.
    /// </summary>
    public (int Position, long Sequence)? Place(Guid sessionId, int seats)
    {
        if (!_sessions.TryGetValue(sessionId, out var session) || !session.Scheduled)
        {
            throw new ConflictException("session.cancelled", "This session is cancelled.");
        }
        session.Touched = true;
        if (session.SeatsLeft >= seats)
        {
            session.SeatsLeft -= seats;
            return null;
        }
        session.Waiting++;
        session.Sequence++;
        return (session.Waiting, session.Sequence);
    }

    /// <summary>Adds to the batch the update of every session a booking of the group changed.</summary>
    public void AddUpdates(DbBatch batch)
    {
        var text = UpdateText();
        using var scratch = _table.NewCommand();
        foreach (var (id, session) in _sessions.Where(s => s.Value.Touched))
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = text;
            AddUpdateParameters(command.Parameters, scratch, id, session);
            batch.BatchCommands.Add(command);
        }
    }

    private string UpdateText()
    {
        var (left, waiting, sequence) = (_table.Column(nameof(Session.SeatsLeft)), _table.Column(nameof(Session.Waiting)), _table.Column(nameof(Session.WaitlistSequence)));
        return $"UPDATE {_table.Name} SET {left} = @left, {waiting} = @waiting, {sequence} = @sequence WHERE {_table.Column(nameof(Session.Id))} = @id";
    }

    /// <summary>The update's parameters, typed by the properties' mappings (<paramref name="scratch"/> creates them).</summary>
    private void AddUpdateParameters(DbParameterCollection parameters, DbCommand scratch, Guid id, Counters session)
    {
        parameters.Add(_table.Mapping(nameof(Session.SeatsLeft)).CreateParameter(scratch, "@left", session.SeatsLeft, nullable: false));
        parameters.Add(_table.Mapping(nameof(Session.Waiting)).CreateParameter(scratch, "@waiting", session.Waiting, nullable: false));
        parameters.Add(_table.Mapping(nameof(Session.WaitlistSequence)).CreateParameter(scratch, "@sequence", session.Sequence, nullable: false));
        parameters.Add(_table.Mapping(nameof(Session.Id)).CreateParameter(scratch, "@id", id, nullable: false));
    }

    private sealed class Counters(int seatsLeft, int waiting, long sequence, bool scheduled)
    {
        public int SeatsLeft { get; set; } = seatsLeft;

        public int Waiting { get; set; } = waiting;

        public long Sequence { get; set; } = sequence;

        public bool Scheduled { get; } = scheduled;

        public bool Touched { get; set; }
    }
}
