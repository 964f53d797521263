using Conventions.BuildingBlocks.Errors;
using FluentValidation;
using Mediator;

namespace Conventions.BuildingBlocks.Mediation;

/// <summary>Runs every FluentValidation validator of a message before its handler; failures are a 400 with an <c>errors</c> map.</summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            failures.AddRange(result.Errors);
        }
        if (failures.Count > 0)
        {
            throw AppExceptionHandler.ToInvalidInput(new ValidationException(failures));
        }
        return await next(message, cancellationToken);
    }
}
