using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace Conventions.Benchmarks;

/// <summary>
/// The two yardsticks the load's HTTP rate is printed against, both one transaction per booking on one connection with
/// the host's pragmas, without HTTP, the mediator, EF or the group commit.
/// </summary>
internal static partial class LoadDriver
{
    /// <summary>
    /// The smaller transaction the first figures used (conditional seat update, booking, invitation) in a fresh
    /// file: three tables and one extra index.
    /// </summary>
    private static double RawTransactionRate(string path, int count)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
        Execute(connection, """
            CREATE TABLE sessions (Id TEXT PRIMARY KEY, Seats INTEGER, SeatsLeft INTEGER, Status TEXT);
            CREATE TABLE bookings (Id TEXT PRIMARY KEY, SessionId TEXT, BeneficiaryId TEXT, Status TEXT, SessionWeek TEXT, CreatedAt INTEGER);
            CREATE TABLE invitations (Id TEXT PRIMARY KEY, BookingId TEXT, HolderName TEXT, Code TEXT UNIQUE, Status TEXT);
            CREATE INDEX ix_bookings ON bookings (BeneficiaryId, SessionWeek);
            """);
        var session = Guid.NewGuid().ToString();
        Execute(connection, $"INSERT INTO sessions VALUES ('{session}', {count / 2}, {count / 2}, 'Scheduled');");
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            using var transaction = connection.BeginTransaction();
            using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = "UPDATE sessions SET SeatsLeft = SeatsLeft - 1 WHERE Id = $id AND Status = 'Scheduled' AND SeatsLeft >= 1";
            update.Parameters.AddWithValue("$id", session);
            var status = update.ExecuteNonQuery() == 1 ? "Confirmed" : "Waitlisted";
            var booking = Guid.NewGuid().ToString();
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO bookings VALUES ($b, $s, $p, $st, '2026-11-23', 0); INSERT INTO invitations VALUES ($i, $b, 'Personne', $c, 'Valid');";
            insert.Parameters.AddWithValue("$b", booking);
            insert.Parameters.AddWithValue("$s", session);
            insert.Parameters.AddWithValue("$p", Guid.NewGuid().ToString());
            insert.Parameters.AddWithValue("$st", status);
            insert.Parameters.AddWithValue("$i", Guid.NewGuid().ToString());
            insert.Parameters.AddWithValue("$c", Guid.NewGuid().ToString("N")[..9]);
            insert.ExecuteNonQuery();
            transaction.Commit();
        }
        return count / watch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// The booking's own transaction, one commit per booking, on a page-for-page copy of the load's database (the
    /// engine's schema, its indexes, the rows the load left): what the SQLite booking writer reads and writes for one
    /// booking (ADR 0026), as plain statements. It reads the stored answer to the booking's key, the beneficiary, the
    /// session and the beneficiary's bookings that week; takes a seat or the end of the waiting list on the session's
    /// row; inserts the booking, its invitation, its seat-figure change, its event and its answer. The same work as the
    /// group commit's, so the ratio says what grouping (and the rest of the engine) adds or costs. Mirrors the tables'
    /// columns: a column renamed or added without a default fails it loudly.
    /// </summary>
    private static double BookingTransactionRate(string database, string copy, string sessionId, int count)
    {
        using (var source = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False"))
        using (var target = new SqliteConnection($"Data Source={copy};Pooling=False"))
        {
            source.Open();
            target.Open();
            source.BackupDatabase(target);
        }
        using var connection = new SqliteConnection($"Data Source={copy};Pooling=False");
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
        var session = sessionId.ToUpperInvariant();
        // The load took the session's seats: half as many again, so that half of these are confirmed, as in the load.
        Execute(connection, $"UPDATE ticketing_sessions SET Seats = Seats + {count / 2}, SeatsLeft = {count / 2} WHERE Id = '{session}'");
        var (offer, startsAt) = Row(connection, $"SELECT OfferId, StartsAt FROM ticketing_sessions WHERE Id = '{session}'", r => (r.GetString(0), r.GetInt64(1)));
        var (week, credential) = Row(connection, $"SELECT SessionWeek, BookedByCredentialId FROM ticketing_bookings WHERE SessionId = '{session}' AND BookedByCredentialId IS NOT NULL LIMIT 1", r => (r.GetString(0), r.GetString(1)));
        var (type, payload) = Row(connection, "SELECT Type, Payload FROM ticketing_outbox LIMIT 1", r => (r.GetString(0), r.GetString(1)));
        var (hash, response) = Row(connection, "SELECT RequestHash, Response FROM ticketing_idempotency LIMIT 1", r => (r.GetString(0), r.GetString(1)));
        var people = new List<(string Id, string Organization)>();
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT Id, OrganizationId FROM ticketing_beneficiaries";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                people.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var statements = new Dictionary<string, SqliteCommand>();
        SqliteCommand Run(SqliteTransaction transaction, string text, params (string Name, object? Value)[] values)
        {
            if (!statements.TryGetValue(text, out var command))
            {
                statements[text] = command = connection.CreateCommand();
                command.CommandText = text;
            }
            command.Transaction = transaction;
            command.Parameters.Clear();
            foreach (var (name, value) in values)
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }
            return command;
        }

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var (beneficiary, organization) = people[i % people.Count];
            var key = Guid.NewGuid().ToString("N");
            var now = DateTimeOffset.UtcNow.UtcTicks;
            var booking = Guid.CreateVersion7().ToString().ToUpperInvariant();
            using var transaction = connection.BeginTransaction();
            Scalar(Run(transaction, "SELECT RequestHash, Response, CreatedAt FROM ticketing_idempotency WHERE CredentialId = $c AND Key = $k", ("$c", credential), ("$k", key)));
            Scalar(Run(transaction, "SELECT DisplayName FROM ticketing_beneficiaries WHERE Id = $b AND OrganizationId = $o", ("$b", beneficiary), ("$o", organization)));
            Scalar(Run(transaction, "SELECT OfferId, StartsAt, Status, BookingOpensAt, BookingClosesAt FROM ticketing_sessions WHERE Id = $s", ("$s", session)));
            Scalar(Run(transaction, "SELECT COUNT(*) FROM ticketing_bookings WHERE BeneficiaryId = $b AND SessionWeek = $w AND Status <> 'Cancelled'", ("$b", beneficiary), ("$w", week)));
            var confirmed = Run(transaction, "UPDATE ticketing_sessions SET SeatsLeft = SeatsLeft - 1 WHERE Id = $s AND Status = 'Scheduled' AND SeatsLeft >= 1", ("$s", session)).ExecuteNonQuery() == 1;
            long sequence = 0;
            if (!confirmed)
            {
                sequence = (long)Scalar(Run(transaction, "UPDATE ticketing_sessions SET Waiting = Waiting + 1, WaitlistSequence = WaitlistSequence + 1 WHERE Id = $s RETURNING WaitlistSequence", ("$s", session)))!;
            }
            Run(transaction, """
                INSERT INTO ticketing_bookings (Id, SessionId, OfferId, OrganizationId, BeneficiaryId, BookedByCredentialId, Status, SessionStartsAt, SessionWeek, CreatedAt, WaitlistSequence, ConfirmedAt, CancelledAt, AttendanceComment, AttendanceRecordedAt, UpdatedAt)
                VALUES ($id, $s, $offer, $o, $b, $c, $status, $starts, $w, $now, $seq, $confirmedAt, NULL, NULL, NULL, $now)
                """, ("$id", booking), ("$s", session), ("$offer", offer), ("$o", organization), ("$b", beneficiary), ("$c", credential),
                ("$status", confirmed ? "Confirmed" : "Waitlisted"), ("$starts", startsAt), ("$w", week), ("$now", now), ("$seq", sequence), ("$confirmedAt", confirmed ? now : null)).ExecuteNonQuery();
            Run(transaction, """
                INSERT INTO ticketing_invitations (Id, BookingId, HolderName, Role, Relation, CompanionKind, Reason, Code, Status, CheckedInAt)
                VALUES ($id, $booking, 'Personne', 'Beneficiary', NULL, NULL, NULL, $code, 'Valid', NULL)
                """, ("$id", Guid.CreateVersion7().ToString().ToUpperInvariant()), ("$booking", booking), ("$code", Code())).ExecuteNonQuery();
            Run(transaction, "INSERT INTO ticketing_seat_figure_changes (Id, SessionId, OrganizationId, BeneficiaryId) VALUES ($id, $s, $o, $b)",
                ("$id", Guid.CreateVersion7().ToString().ToUpperInvariant()), ("$s", session), ("$o", organization), ("$b", beneficiary)).ExecuteNonQuery();
            Run(transaction, """
                INSERT INTO ticketing_outbox (Id, Type, Payload, OccurredAt, ProcessedAt, NextAttemptAt, Attempts, LastError)
                VALUES ($id, $type, $payload, $now, NULL, $now, 0, NULL)
                """, ("$id", Guid.CreateVersion7().ToString().ToUpperInvariant()), ("$type", type), ("$payload", payload), ("$now", now)).ExecuteNonQuery();
            Run(transaction, "INSERT INTO ticketing_idempotency (CredentialId, Key, RequestHash, Response, CreatedAt) VALUES ($c, $k, $hash, $response, $now)",
                ("$c", credential), ("$k", key), ("$hash", hash), ("$response", response), ("$now", now)).ExecuteNonQuery();
            transaction.Commit();
        }
        var rate = count / watch.Elapsed.TotalSeconds;
        foreach (var command in statements.Values)
        {
            command.Dispose();
        }
        return rate;
    }

    private static object? Scalar(SqliteCommand command) => command.ExecuteScalar();

    private static T Row<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        return reader.Read() ? read(reader) : throw new InvalidOperationException($"No row for: {sql}");
    }

    /// <summary>An invitation code as the engine draws them: <c>XXXX-XXXX</c>, random.</summary>
    private static string Code()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        Span<char> chars = stackalloc char[9];
        for (var i = 0; i < 9; i++)
        {
            chars[i] = i == 4 ? '-' : alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }
        return new string(chars);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
