using System.Data.Common;
using System.Globalization;
using Conventions.BuildingBlocks.Idempotency;
using Microsoft.EntityFrameworkCore.Storage;

namespace Conventions.Modules.Ticketing.Persistence;

/// <summary>The beneficiary and the session a new booking names, from its request, and when it was asked.</summary>
internal readonly record struct BookingKeys(Guid BeneficiaryId, Guid OrganizationId, Guid SessionId, DateTimeOffset Now)
{
    /// <summary>The first week a booking of now can be for: a bookable session has not started.</summary>
    public DateOnly FromWeek => Booking.WeekOf(Now);
}

/// <summary>
/// The reads of new bookings on a server database, sent together in one round trip (ADR 0028): for each booking
/// expected (<see cref="Expect"/>), the stored answer to its <c>Idempotency-Key</c>, its beneficiary, its session and
/// the beneficiary's bookings in each week from the current one on (the session's week is not known before the session
/// is read; a bookable session has not started, so its week is among them), each beneficiary and session read once.
/// The round trip goes out at the first read after bookings were expected. On a server several hosts share, a round
/// trip costs the host and the server more than these statements: the group commit reads a whole group's in one.
/// A read of anything not fetched (another week, the offer's publisher) goes through EF (<see cref="EfBookingReads"/>).
/// A booking decided counts in its beneficiary's week for the bookings decided after it (<see cref="Decided"/>). The
/// connection must be open (in the current transaction, if any).
/// </summary>
internal sealed class BatchedBookingReads(TicketingDbContext db) : IBookingReads
{
    private readonly EfBookingReads _ef = new(db);
    private readonly List<(BookingKeys Keys, PendingIdempotency? Idempotency)> _expected = [];
    private readonly Dictionary<(Guid Id, Guid Organization), (Guid Id, string DisplayName)?> _beneficiaries = [];
    private readonly Dictionary<Guid, BookableSession?> _sessions = [];
    private readonly Dictionary<Guid, (DateOnly From, Dictionary<DateOnly, int> Counts)> _weeks = [];
    private readonly Dictionary<(Guid Credential, string Key), IdempotencyRecord?> _answers = [];

    /// <summary>A booking whose reads go out with the next round trip (its <paramref name="idempotency"/> when its lookup was deferred).</summary>
    public void Expect(BookingKeys keys, PendingIdempotency? idempotency) =>
        _expected.Add((keys, idempotency is { LookupDeferred: true } ? idempotency : null));

    public async ValueTask<(Guid Id, string DisplayName)?> BeneficiaryAsync(Guid beneficiaryId, Guid organizationId, CancellationToken cancellationToken)
    {
        await FetchAsync(cancellationToken);
        return _beneficiaries.TryGetValue((beneficiaryId, organizationId), out var found)
            ? found
            : await _ef.BeneficiaryAsync(beneficiaryId, organizationId, cancellationToken);
    }

    public async ValueTask<BookableSession?> SessionAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        await FetchAsync(cancellationToken);
        return _sessions.TryGetValue(sessionId, out var found) ? found : await _ef.SessionAsync(sessionId, cancellationToken);
    }

    public async ValueTask<int> BookingsInWeekAsync(Guid beneficiaryId, DateOnly week, CancellationToken cancellationToken)
    {
        await FetchAsync(cancellationToken);
        return _weeks.TryGetValue(beneficiaryId, out var weeks) && week >= weeks.From
            ? weeks.Counts.GetValueOrDefault(week)
            : await _ef.BookingsInWeekAsync(beneficiaryId, week, cancellationToken);
    }

    public ValueTask<Guid> PublisherOfAsync(Guid offerId, CancellationToken cancellationToken) => _ef.PublisherOfAsync(offerId, cancellationToken);

    public async ValueTask<IdempotencyRecord?> StoredAnswerAsync(Guid credentialId, string key, CancellationToken cancellationToken)
    {
        await FetchAsync(cancellationToken);
        return _answers.TryGetValue((credentialId, key), out var found) ? found : await _ef.StoredAnswerAsync(credentialId, key, cancellationToken);
    }

    /// <summary>A booking decided from these reads: it counts in its beneficiary's week for the next ones.</summary>
    public void Decided(Booking booking)
    {
        if (_weeks.TryGetValue(booking.BeneficiaryId, out var weeks) && booking.SessionWeek >= weeks.From)
        {
            weeks.Counts[booking.SessionWeek] = weeks.Counts.GetValueOrDefault(booking.SessionWeek) + 1;
        }
    }

    private async ValueTask FetchAsync(CancellationToken cancellationToken)
    {
        if (_expected.Count == 0)
        {
            return;
        }
        var connection = db.Database.GetDbConnection();
        await using var scratch = connection.CreateCommand();
        await using var batch = connection.CreateBatch();
        batch.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        // What each statement's result sets, in the batch's order: nothing is known of a read until its result is read.
        var reads = new List<Func<DbDataReader, CancellationToken, Task>>();
        var beneficiary = BookingSelects.Beneficiary(db);
        foreach (var (id, organization) in _expected.Select(e => (e.Keys.BeneficiaryId, e.Keys.OrganizationId)).Distinct().Where(k => !_beneficiaries.ContainsKey(k)))
        {
            Add(batch, scratch, beneficiary, ("@id", nameof(Domain.Beneficiary.Id), id), ("@organization", nameof(Domain.Beneficiary.OrganizationId), organization));
            reads.Add(async (reader, ct) =>
                _beneficiaries[(id, organization)] = await reader.ReadAsync(ct) ? (id, beneficiary.Get<string>(reader, 0)) : null);
        }
        var session = BookingSelects.Session(db);
        foreach (var id in _expected.Select(e => e.Keys.SessionId).Distinct().Where(id => !_sessions.ContainsKey(id)))
        {
            Add(batch, scratch, session, ("@id", nameof(Domain.Session.Id), id));
            reads.Add(async (reader, ct) => _sessions[id] = await reader.ReadAsync(ct) ? BookingSelects.SessionFrom(session, reader, id) : null);
        }
        var bookings = MappedTable.Of<Booking>(db);
        var week = bookings.Column(nameof(Booking.SessionWeek));
        var weekMapping = bookings.Mapping(nameof(Booking.SessionWeek));
        var weeksText = $"SELECT {week}, COUNT(*) FROM {bookings.Name} WHERE " + MappedSelect.Columns(bookings,
            $"{{{nameof(Booking.BeneficiaryId)}}} = @beneficiary AND {{{nameof(Booking.SessionWeek)}}} >= @week AND {{{nameof(Booking.Status)}}} <> @cancelled") +
            $" GROUP BY {week}";
        foreach (var (id, from) in _expected.GroupBy(e => e.Keys.BeneficiaryId).Select(g => (g.Key, g.Min(e => e.Keys.FromWeek))).Where(b => !_weeks.ContainsKey(b.Key)))
        {
            Add(batch, scratch, bookings, weeksText,
                ("@beneficiary", nameof(Booking.BeneficiaryId), id), ("@week", nameof(Booking.SessionWeek), from), ("@cancelled", nameof(Booking.Status), BookingStatus.Cancelled));
            reads.Add(async (reader, ct) =>
            {
                var counts = new Dictionary<DateOnly, int>();
                while (await reader.ReadAsync(ct))
                {
                    counts[MappedSelect.Read<DateOnly>(weekMapping, reader, 0)] = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
                }
                _weeks[id] = (from, counts);
            });
        }
        var answer = BookingSelects.Answer(db);
        foreach (var idempotency in _expected.Select(e => e.Idempotency).OfType<PendingIdempotency>().Where(i => !_answers.ContainsKey((i.CredentialId, i.Key))))
        {
            var key = (idempotency.CredentialId, idempotency.Key);
            Add(batch, scratch, answer, ("@credential", nameof(IdempotencyRecord.CredentialId), key.CredentialId), ("@key", nameof(IdempotencyRecord.Key), key.Key));
            reads.Add(async (reader, ct) =>
                _answers[key] = await reader.ReadAsync(ct) ? BookingSelects.AnswerFrom(answer, reader, key.CredentialId, key.Key) : null);
        }
        _expected.Clear();
        if (reads.Count == 0)
        {
            return;
        }
        await using var results = await batch.ExecuteReaderAsync(cancellationToken);
        for (var i = 0; i < reads.Count; i++)
        {
            if (i > 0)
            {
                await results.NextResultAsync(cancellationToken);
            }
            await reads[i](results, cancellationToken);
        }
    }

    private static void Add(DbBatch batch, DbCommand scratch, MappedSelect select, params (string Name, string Property, object Value)[] parameters) =>
        Add(batch, scratch, select.Table, select.Text, parameters);

    private static void Add(DbBatch batch, DbCommand scratch, MappedTable table, string text, params (string Name, string Property, object Value)[] parameters)
    {
        var command = batch.CreateBatchCommand();
        command.CommandText = text;
        foreach (var (name, property, value) in parameters)
        {
            command.Parameters.Add(table.Mapping(property).CreateParameter(scratch, name, value, nullable: false));
        }
        batch.BatchCommands.Add(command);
    }
}

/// <summary>The selects deciding a new booking reads, and how their rows are read (<see cref="IBookingReads"/>).</summary>
internal static class BookingSelects
{
    /// <summary>The beneficiary's name, when of the organization: parameters <c>@id</c> and <c>@organization</c>.</summary>
    public static MappedSelect Beneficiary(DbContext db) =>
        new(MappedTable.Of<Beneficiary>(db), [nameof(Domain.Beneficiary.DisplayName)],
            $"{{{nameof(Domain.Beneficiary.Id)}}} = @id AND {{{nameof(Domain.Beneficiary.OrganizationId)}}} = @organization");

    /// <summary>What booking a session checks: parameter <c>@id</c>; read by <see cref="SessionFrom"/>.</summary>
    public static MappedSelect Session(DbContext db) =>
        new(MappedTable.Of<Session>(db),
            [nameof(Domain.Session.OfferId), nameof(Domain.Session.StartsAt), nameof(Domain.Session.BookingOpensAt), nameof(Domain.Session.BookingClosesAt), nameof(Domain.Session.Status)],
            $"{{{nameof(Domain.Session.Id)}}} = @id");

    public static BookableSession SessionFrom(MappedSelect q, DbDataReader reader, Guid sessionId) =>
        new(sessionId, q.Get<Guid>(reader, 0), q.Get<DateTimeOffset>(reader, 1), q.Get<DateTimeOffset?>(reader, 2), q.Get<DateTimeOffset?>(reader, 3), q.Get<SessionStatus>(reader, 4));

    /// <summary>A stored answer: parameters <c>@credential</c> and <c>@key</c>; read by <see cref="AnswerFrom"/>.</summary>
    public static MappedSelect Answer(DbContext db) =>
        new(MappedTable.Of<IdempotencyRecord>(db),
            [nameof(IdempotencyRecord.RequestHash), nameof(IdempotencyRecord.Response), nameof(IdempotencyRecord.CreatedAt)],
            $"{{{nameof(IdempotencyRecord.CredentialId)}}} = @credential AND {{{nameof(IdempotencyRecord.Key)}}} = @key");

    public static IdempotencyRecord AnswerFrom(MappedSelect q, DbDataReader reader, Guid credentialId, string key) => new()
    {
        CredentialId = credentialId,
        Key = key,
        RequestHash = q.Get<string>(reader, 0),
        Response = q.Get<string>(reader, 1),
        CreatedAt = q.Get<DateTimeOffset>(reader, 2),
    };
}
