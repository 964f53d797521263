namespace Conventions.Modules.Partners.Domain;

/// <summary>
/// An organization's part in a program (<see cref="BuildingBlocks.Access.ProgramKeys"/>): its operator (set by the
/// platform admin) or a member (bound by a convention of the program, or added by the platform admin). An organization an
/// operator registered is also a member of every program that operator runs (<see cref="OperatorLink"/>).
/// </summary>
internal sealed class ProgramParticipant
{
    public string ProgramKey { get; set; } = string.Empty;

    public Guid OrganizationId { get; set; }

    /// <summary>True for the program's operator organization(s), whose operator-admin keys run the program.</summary>
    public bool IsOperator { get; set; }

    public DateTimeOffset Since { get; set; }
}
