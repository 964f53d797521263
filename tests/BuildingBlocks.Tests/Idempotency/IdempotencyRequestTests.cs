using Conventions.BuildingBlocks.Idempotency;

namespace BuildingBlocks.Tests.Idempotency;

public sealed class IdempotencyRequestTests
{
    private sealed record Book(Guid SessionId, int Guests);

    [Fact]
    public void A_key_in_flight_is_refused_to_a_second_request_of_the_same_credential_until_the_first_ends()
    {
        var inFlight = new IdempotencyInFlight();
        var credential = Guid.NewGuid();

        using (var first = inFlight.TryEnter(credential, "clé-1"))
        {
            Assert.NotNull(first);
            Assert.Null(inFlight.TryEnter(credential, "clé-1"));
            using var otherCredential = inFlight.TryEnter(Guid.NewGuid(), "clé-1");
            Assert.NotNull(otherCredential);
        }

        using var again = inFlight.TryEnter(credential, "clé-1");
        Assert.NotNull(again);
    }

    [Fact]
    public void The_request_hash_covers_the_type_and_every_field()
    {
        var session = Guid.NewGuid();

        Assert.Equal(PendingIdempotency.Hash(new Book(session, 1)), PendingIdempotency.Hash(new Book(session, 1)));
        Assert.NotEqual(PendingIdempotency.Hash(new Book(session, 1)), PendingIdempotency.Hash(new Book(session, 2)));
        Assert.NotEqual(PendingIdempotency.Hash(new Book(session, 1)), PendingIdempotency.Hash(new { SessionId = session, Guests = 1 }));
    }
}
