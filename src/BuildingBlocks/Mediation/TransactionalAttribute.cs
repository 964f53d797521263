using System.Data;

namespace Conventions.BuildingBlocks.Mediation;

/// <summary>
/// Runs the command's handler in one transaction of its module's context, of this isolation level, replayed whole by
/// the provider's retry strategy on a transient failure (<see cref="TransactionBehavior{TMessage,TResponse}"/>, ADR 0012).
/// For a check and the write that depends on it (a room is free, then book it), use
/// <see cref="IsolationLevel.Serializable"/>; for relative, conditional updates (<c>SET n = n - k WHERE n &gt;= k</c>)
/// <see cref="IsolationLevel.ReadCommitted"/> is enough. A command without it is saved by the unit of work, each context
/// in its own implicit transaction.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TransactionalAttribute(IsolationLevel isolation) : Attribute
{
    public IsolationLevel Isolation { get; } = isolation;
}
