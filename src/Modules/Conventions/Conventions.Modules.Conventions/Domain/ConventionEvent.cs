namespace Conventions.Modules.Conventions.Domain;

/// <summary>A dated entry of the convention's history.</summary>
internal sealed class ConventionEvent
{
    public DateTimeOffset At { get; set; }

    public string Kind { get; set; } = string.Empty;

    public string Detail { get; set; } = string.Empty;
}
