using System.Reflection;
using Conventions.BuildingBlocks.Persistence;
using Mediator;

namespace Conventions.BuildingBlocks.Mediation;

/// <summary>
/// Opens the transaction a <see cref="TransactionalAttribute"/> command asks for, on the context of the module that
/// declares the command, around its handler (<see cref="ModuleTransaction.RunAsync{T}"/>); handlers never open one
/// themselves. Sits inside the unit of work: the other modules' contexts a command touched are saved after this
/// transaction commits, in the order the unit of work explains.
/// </summary>
public sealed class TransactionBehavior<TMessage, TResponse>(IServiceProvider services, IEnumerable<ModuleDatabase> modules)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    private static readonly TransactionalAttribute? Transactional = typeof(TMessage).GetCustomAttribute<TransactionalAttribute>();

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (Transactional is null)
        {
            return await next(message, cancellationToken);
        }
        var db = ModuleContexts.For(typeof(TMessage), services, modules)
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} is transactional but its assembly registers no module context.");
        return await ModuleTransaction.RunAsync(db, Transactional.Isolation, async ct => await next(message, ct), cancellationToken);
    }
}
