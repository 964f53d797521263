namespace Conventions.Modules.Conventions.Domain;

internal sealed class Signatory
{
    public string FullName { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;
}

/// <summary>A party's signature: who signed, with what title, where and when.</summary>
internal sealed class Signature
{
    public ConventionParty Party { get; set; }

    public string SignatoryName { get; set; } = string.Empty;

    public string SignatoryTitle { get; set; } = string.Empty;

    public string Place { get; set; } = string.Empty;

    public DateOnly SignedOn { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}
