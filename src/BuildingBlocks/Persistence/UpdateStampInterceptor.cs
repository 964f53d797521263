using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Conventions.BuildingBlocks.Persistence;

/// <summary>
/// A resource the API lists with <c>updatedSince</c>: <see cref="UpdatedAt"/> is when it, or a row it owns (a booking's
/// invitations, a convention's signatures, an organization's contacts), last changed through the model.
/// </summary>
public interface ITracksUpdates
{
    /// <summary>The property every <see cref="ITracksUpdates"/> entity maps.</summary>
    public const string Property = "UpdatedAt";

    DateTimeOffset UpdatedAt { get; }
}

/// <summary>
/// Stamps <see cref="ITracksUpdates.UpdatedAt"/> as changes are saved: on an added or modified resource, and on the
/// resource whose owned rows were added, changed or removed (found by their foreign key among the tracked entities).
/// Runs after <see cref="ConcurrencyVersionInterceptor"/>, so a resource touched only through its rows does not get a
/// new row version (which would make two changes of different rows conflict).
/// </summary>
public sealed class UpdateStampInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        StampAsync(eventData.Context, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await StampAsync(eventData.Context, cancellationToken);
        return result;
    }

    private async ValueTask StampAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is null)
        {
            return;
        }
        var resources = context.ChangeTracker.Entries<ITracksUpdates>().ToList();
        var now = clock.GetUtcNow();
        var touched = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var entry in resources)
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                touched.Add(entry.Entity);
            }
        }
        foreach (var owned in context.ChangeTracker.Entries().ToList())
        {
            if (owned.Entity is ITracksUpdates || owned.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            foreach (var key in owned.Metadata.GetForeignKeys())
            {
                if (!typeof(ITracksUpdates).IsAssignableFrom(key.PrincipalEntityType.ClrType) || Values(owned, key) is not { } values)
                {
                    continue;
                }
                if (Owner(resources, key, values) is { } owner)
                {
                    touched.Add(owner);
                }
                else if (key.PrincipalKey.IsPrimaryKey()
                    && await context.FindAsync(key.PrincipalEntityType.ClrType, values, cancellationToken) is ITracksUpdates loaded)
                {
                    // A row changed without its resource being read (a session changed through its id): the resource is
                    // read now, by its key, to carry the stamp.
                    resources.Add(context.Entry(loaded));
                    touched.Add(loaded);
                }
            }
        }
        foreach (var entry in resources)
        {
            if (touched.Contains(entry.Entity) && entry.State != EntityState.Deleted)
            {
                var stamp = entry.Property(ITracksUpdates.Property);
                // An insert keeps the instant its factory gave it (a booking's is its request's).
                if (entry.State != EntityState.Added || (DateTimeOffset)stamp.CurrentValue! == default)
                {
                    stamp.CurrentValue = now;
                }
            }
        }
    }

    private static object?[]? Values(EntityEntry owned, Microsoft.EntityFrameworkCore.Metadata.IForeignKey key)
    {
        var values = key.Properties
            .Select(p => owned.State == EntityState.Deleted ? owned.Property(p.Name).OriginalValue : owned.Property(p.Name).CurrentValue)
            .ToArray();
        return values.Any(v => v is null) ? null : values;
    }

    private static object? Owner(List<EntityEntry<ITracksUpdates>> resources, Microsoft.EntityFrameworkCore.Metadata.IForeignKey key, object?[] values)
    {
        foreach (var candidate in resources)
        {
            if (!key.PrincipalEntityType.ClrType.IsInstanceOfType(candidate.Entity))
            {
                continue;
            }
            var principal = key.PrincipalKey.Properties;
            var match = true;
            for (var i = 0; i < principal.Count && match; i++)
            {
                match = Equals(candidate.Property(principal[i].Name).CurrentValue, values[i]);
            }
            if (match)
            {
                return candidate.Entity;
            }
        }
        return null;
    }
}
