using System.Data.Common;
using System.Globalization;
using Conventions.BuildingBlocks.Idempotency;
using Microsoft.EntityFrameworkCore.Storage;

namespace Conventions.Modules.Ticketing.Persistence;

/// <summary>The beneficiary, the session and the session's week a new booking names, from its request.</summary>
internal readonly record struct BookingKeys(Guid BeneficiaryId, Guid OrganizationId, Guid SessionId, DateTimeOffset Now);

/// <summary>
/// The booking's reads on a server database, all sent in one round trip when the request first reads (ADR 0028): the
/// stored answer to its <c>Idempotency-Key</c>, the beneficiary, the session and the beneficiary's bookings in each
/// week from the current one on (the session's week is not known before the session is read; a bookable session has
/// not started, so its week is among them). One round trip instead of four: on a server shared by several hosts, each
/// round trip costs both the host and the server more than the statement itself. A read of anything else (another
/// week, the offer's publisher) goes through EF (<see cref="EfBookingReads"/>). The connection must be open.
/// </summary>
internal sealed class BatchedBookingReads(TicketingDbContext db, BookingKeys keys, PendingIdempotency? idempotency) : IBookingReads
{
    private readonly EfBookingReads _ef = new(db);
    private Fetched? _fetched;

    public async ValueTask<(Guid Id, string DisplayName)?> BeneficiaryAsync(Guid beneficiaryId, Guid organizationId, CancellationToken cancellationToken) =>
        beneficiaryId == keys.BeneficiaryId && organizationId == keys.OrganizationId
            ? (await FetchAsync(cancellationToken)).Beneficiary
            : await _ef.BeneficiaryAsync(beneficiaryId, organizationId, cancellationToken);

    public async ValueTask<BookableSession?> SessionAsync(Guid sessionId, CancellationToken cancellationToken) =>
        sessionId == keys.SessionId
            ? (await FetchAsync(cancellationToken)).Session
            : await _ef.SessionAsync(sessionId, cancellationToken);

    public async ValueTask<int> BookingsInWeekAsync(Guid beneficiaryId, DateOnly week, CancellationToken cancellationToken) =>
        beneficiaryId == keys.BeneficiaryId && week >= FromWeek
            ? (await FetchAsync(cancellationToken)).Weeks.GetValueOrDefault(week)
            : await _ef.BookingsInWeekAsync(beneficiaryId, week, cancellationToken);

    public ValueTask<Guid> PublisherOfAsync(Guid offerId, CancellationToken cancellationToken) => _ef.PublisherOfAsync(offerId, cancellationToken);

    public async ValueTask<IdempotencyRecord?> StoredAnswerAsync(Guid credentialId, string key, CancellationToken cancellationToken) =>
        idempotency is not null && credentialId == idempotency.CredentialId && key == idempotency.Key
            ? (await FetchAsync(cancellationToken)).Answer
            : await _ef.StoredAnswerAsync(credentialId, key, cancellationToken);

    private DateOnly FromWeek => Booking.WeekOf(keys.Now);

    private async ValueTask<Fetched> FetchAsync(CancellationToken cancellationToken)
    {
        if (_fetched is not null)
        {
            return _fetched;
        }
        var connection = db.Database.GetDbConnection();
        await using var scratch = connection.CreateCommand();
        await using var batch = connection.CreateBatch();
        batch.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var beneficiary = BookingSelects.Beneficiary(db);
        Add(batch, scratch, beneficiary, ("@id", nameof(Beneficiary.Id), keys.BeneficiaryId), ("@organization", nameof(Beneficiary.OrganizationId), keys.OrganizationId));
        var session = BookingSelects.Session(db);
        Add(batch, scratch, session, ("@id", nameof(Session.Id), keys.SessionId));
        var bookings = MappedTable.Of<Booking>(db);
        var week = bookings.Column(nameof(Booking.SessionWeek));
        Add(batch, scratch, bookings,
            $"SELECT {week}, COUNT(*) FROM {bookings.Name} WHERE " + MappedSelect.Columns(bookings,
                $"{{{nameof(Booking.BeneficiaryId)}}} = @beneficiary AND {{{nameof(Booking.SessionWeek)}}} >= @week AND {{{nameof(Booking.Status)}}} <> @cancelled") +
            $" GROUP BY {week}",
            ("@beneficiary", nameof(Booking.BeneficiaryId), keys.BeneficiaryId), ("@week", nameof(Booking.SessionWeek), FromWeek),
            ("@cancelled", nameof(Booking.Status), BookingStatus.Cancelled));
        var answer = BookingSelects.Answer(db);
        if (idempotency is not null)
        {
            Add(batch, scratch, answer, ("@credential", nameof(IdempotencyRecord.CredentialId), idempotency.CredentialId), ("@key", nameof(IdempotencyRecord.Key), idempotency.Key));
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var fetched = new Fetched();
        if (await reader.ReadAsync(cancellationToken))
        {
            fetched.Beneficiary = (keys.BeneficiaryId, beneficiary.Get<string>(reader, 0));
        }
        await reader.NextResultAsync(cancellationToken);
        if (await reader.ReadAsync(cancellationToken))
        {
            fetched.Session = BookingSelects.SessionFrom(session, reader, keys.SessionId);
        }
        await reader.NextResultAsync(cancellationToken);
        var weekMapping = bookings.Mapping(nameof(Booking.SessionWeek));
        while (await reader.ReadAsync(cancellationToken))
        {
            fetched.Weeks[MappedSelect.Read<DateOnly>(weekMapping, reader, 0)] = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
        }
        if (idempotency is not null && await reader.NextResultAsync(cancellationToken) && await reader.ReadAsync(cancellationToken))
        {
            fetched.Answer = BookingSelects.AnswerFrom(answer, reader, idempotency.CredentialId, idempotency.Key);
        }
        return _fetched = fetched;
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

    private sealed class Fetched
    {
        public (Guid Id, string DisplayName)? Beneficiary { get; set; }

        public BookableSession? Session { get; set; }

        public Dictionary<DateOnly, int> Weeks { get; } = [];

        public IdempotencyRecord? Answer { get; set; }
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
