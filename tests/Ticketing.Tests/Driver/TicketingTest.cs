using Conventions.Testing;

namespace Ticketing.Tests.Driver;

/// <summary>
/// A host with Culture pour tous in place: the operator, a social partner whose convention is signed (with a booker
/// key), and a cultural partner (with a publisher key). Each test class gets its own host and database.
/// </summary>
public abstract class TicketingTest : IAsyncLifetime
{
    private ConventionsFactory? _factory;

    /// <summary>The host under test, made by <see cref="CreateFactory"/> on first use.</summary>
    protected ConventionsFactory Factory => _factory ??= CreateFactory();

    /// <summary>The host a test class runs on: the default one, unless the class replaces services.</summary>
    protected virtual ConventionsFactory CreateFactory() => new();

    protected ConventionScenario Scenario { get; private set; } = null!;

    protected TicketingDriver Ticketing { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Scenario = await ConventionScenario.CultureAsync(Factory);
        var conventionId = (await Scenario.DraftCultureAsync()).Str("id");
        await Scenario.SignBothAsync(conventionId);
        var (_, bookerKey) = await Scenario.Operator.IssueKeyAsync(Scenario.PartnerId, "booker", "2029-11-01");
        var publisherId = await Scenario.Operator.CreateOrganizationAsync("Théâtre du Confluent", "cultural-institution");
        await Scenario.Operator.AddContactAsync(publisherId, "Chargée RP", "rp@theatre.example", "referent");
        var (_, publisherKey) = await Scenario.Operator.IssueKeyAsync(publisherId, "publisher", "2029-11-01");
        Ticketing = new TicketingDriver(Factory.Client(bookerKey), Factory.Client(publisherKey), Guid.Parse(publisherId));
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    /// <summary>A booker of another social partner, with no convention.</summary>
    protected async Task<HttpClient> StrangerAsync(string name)
    {
        var other = await Scenario.Operator.CreateOrganizationAsync(name);
        var (_, key) = await Scenario.Operator.IssueKeyAsync(other, "booker");
        return Factory.Client(key);
    }
}
