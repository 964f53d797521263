using Conventions.BuildingBlocks.Errors;

namespace Conventions.BuildingBlocks.Persistence;

/// <summary>
/// An aggregate two requests can change at once. It carries a version mapped as a concurrency token (the update says
/// <c>WHERE Version = @read</c>), and says what the loser of a race is told: the request whose update finds the row
/// changed since it was read gets this 409 instead of overwriting the winner's change.
/// </summary>
public interface IConcurrencyChecked
{
    /// <summary>The refusal for the request that lost the race (read from the instance as that request saw it).</summary>
    AppException ConcurrentChange();
}
