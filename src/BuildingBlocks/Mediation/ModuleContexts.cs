using Conventions.BuildingBlocks.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Conventions.BuildingBlocks.Mediation;

/// <summary>The context of the module whose assembly declares a message type.</summary>
internal static class ModuleContexts
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<System.Reflection.Assembly, Type?> ByAssembly = new();

    public static ModuleDbContext? For(Type message, IServiceProvider services, IEnumerable<ModuleDatabase> modules)
    {
        var type = ByAssembly.GetOrAdd(message.Assembly, assembly => modules.SingleOrDefault(m => m.ContextType.Assembly == assembly)?.ContextType);
        return type is null ? null : (ModuleDbContext)services.GetRequiredService(type);
    }
}
