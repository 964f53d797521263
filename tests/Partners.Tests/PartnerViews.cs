namespace Partners.Tests;

// The API's answers as a partner portal reads them, read with the API's own JSON options. The directory tests read
// raw JSON on purpose: they check which fields are absent.

public sealed record OrganizationView(Guid Id, string Name, string Kind);

public sealed record PageView<T>(IReadOnlyList<T> Items, int Total);

/// <summary>An issued or rotated key: the clear key is in the answer once, never in a list.</summary>
public sealed record IssuedKeyView(Guid Id, string Key, string Role, string Label, string ExpiresOn, Guid? Replaces);

public sealed record DonationView(Guid Id, decimal Amount, string ReceiptNumber, string ReceiptUrl);
