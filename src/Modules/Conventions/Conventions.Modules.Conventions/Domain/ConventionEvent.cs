namespace Conventions.Modules.Conventions.Domain;

/// <summary>A dated step of the convention's history, with the document's hash at that step and the key that took it.</summary>
internal sealed class ConventionEvent
{
    /// <summary>The order steps were recorded in (several share an instant: signed, signed by both, activated).</summary>
    public int Id { get; set; }

    public DateTimeOffset At { get; set; }

    public string Kind { get; set; } = string.Empty;

    public string Detail { get; set; } = string.Empty;

    /// <summary>The SHA-256 of the document at this step: the draft as rendered then, or the frozen text (null before issue 18).</summary>
    public string? DocumentSha256 { get; set; }

    /// <summary>The API key that took the step (null for the system's sweeps and steps recorded before issue 18).</summary>
    public Guid? CredentialId { get; set; }
}
