namespace Conventions.Modules.Disputes.Domain;

internal sealed class DisputeEvent
{
    public DateTimeOffset At { get; set; }

    public string Kind { get; set; } = string.Empty;

    public string Detail { get; set; } = string.Empty;
}
