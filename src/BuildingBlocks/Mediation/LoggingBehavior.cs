using System.Diagnostics;
using Conventions.BuildingBlocks.Errors;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Conventions.BuildingBlocks.Mediation;

/// <summary>Logs each message's outcome and duration; refusals are information, faults are errors.</summary>
public sealed partial class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            if (logger.IsEnabled(LogLevel.Debug))
            {
                LogHandled(logger, typeof(TMessage).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            return response;
        }
        catch (AppException refusal)
        {
            LogRefused(logger, typeof(TMessage).Name, refusal.Code);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Message} handled in {Elapsed} ms")]
    private static partial void LogHandled(ILogger logger, string message, double elapsed);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Message} refused: {Code}")]
    private static partial void LogRefused(ILogger logger, string message, string code);
}
