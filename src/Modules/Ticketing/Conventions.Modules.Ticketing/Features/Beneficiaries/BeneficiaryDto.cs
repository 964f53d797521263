namespace Conventions.Modules.Ticketing.Features;

internal sealed record BeneficiaryDto(Guid Id, string DisplayName, string? ExternalRef, DateTimeOffset CreatedAt);
