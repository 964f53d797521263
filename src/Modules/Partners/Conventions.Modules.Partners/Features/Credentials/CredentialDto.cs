using Microsoft.Extensions.Options;

namespace Conventions.Modules.Partners.Features;

/// <summary>The key is returned once and never again: only its hash is stored.</summary>
internal sealed record IssuedCredentialDto(Guid Id, string Key, Role Role, string Label, DateOnly ExpiresOn, Guid? Replaces);

internal sealed record CredentialDto(Guid Id, Role Role, string Label, string KeyPrefix, DateOnly ExpiresOn, CredentialState State, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, Guid? ReplacedById);
