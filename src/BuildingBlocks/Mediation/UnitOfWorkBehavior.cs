using Conventions.BuildingBlocks.Persistence;
using Mediator;

namespace Conventions.BuildingBlocks.Mediation;

/// <summary>
/// Commits every module context the command touched, once, when the outermost command returns.
/// A command sent from inside another command (a module calling another's contract) joins the outer unit of work.
/// </summary>
public sealed class UnitOfWorkBehavior<TMessage, TResponse>(UnitOfWork unitOfWork)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        using var scope = unitOfWork.Begin();
        var response = await next(message, cancellationToken);
        if (scope.IsOutermost)
        {
            await unitOfWork.CommitAsync(cancellationToken);
        }
        return response;
    }
}
