using Conventions.BuildingBlocks.Errors;
using Conventions.BuildingBlocks.Web;
using Mediator;

namespace Conventions.BuildingBlocks.Mediation;

/// <summary>
/// A change a client may make conditional with <c>If-Match</c> (ADR 0017): it names the read whose representation the
/// entity tag was taken from. Such a command is <see cref="TransactionalAttribute"/>, so that the comparison and the
/// write are one transaction (<c>ConditionalCommandTests</c> checks it).
/// </summary>
public interface IConditionalCommand
{
    /// <summary>The query whose answer the client's entity tag describes (the resource as <c>GET</c> returns it).</summary>
    object Representation();
}

/// <summary>
/// Compares the request's <c>If-Match</c> with the entity tag of the resource as it is now, read inside the command's
/// transaction (this behaviour runs inside <see cref="TransactionBehavior{TMessage,TResponse}"/>): a stale tag is 412
/// <c>precondition.failed</c> and nothing is written.
/// </summary>
public sealed class PreconditionBehavior<TMessage, TResponse>(ConditionalRequest request, ISender sender)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is IConditionalCommand conditional && request.IfMatch is { } ifMatch && !request.Checked)
        {
            request.Checked = true;
            var current = await sender.Send(conditional.Representation(), cancellationToken)
                ?? throw new InvalidOperationException($"{conditional.Representation().GetType().Name} answered nothing.");
            if (!EntityTags.Matches(ifMatch, EntityTags.Of(current), weak: false))
            {
                throw new PreconditionFailedException(
                    "precondition.failed",
                    "The resource has changed since the entity tag in If-Match was read: read it again (GET), then retry the change.");
            }
        }
        return await next(message, cancellationToken);
    }
}
