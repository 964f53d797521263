using System.Collections.Concurrent;
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Conventions.BuildingBlocks.Errors;
using Mediator;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Conventions.Host.Infrastructure;

/// <summary>
/// Which codes each operation can refuse with, read from the compiled code (ADR 0019): the endpoint's delegate names the
/// request it sends; its handler, and every method of the engine's assemblies it calls (through their async state
/// machines and lambdas, and the handlers of the contract requests it sends on), are scanned for the refusals they
/// raise (<c>new ConflictException("code", …)</c>, <c>NotFoundException.For(resource, …)</c>, factories returning
/// them). Each problem response of the operation lists its codes in <c>x-error-codes</c> and its description; the
/// pipeline's own refusals (validation, authentication, roles, idempotency, rate limits) are documented once, on the
/// <c>ErrorCode</c> enumeration.
/// </summary>
internal sealed partial class OperationRefusalsFilter : IOperationFilter
{
    private static readonly ConcurrentDictionary<MethodInfo, IReadOnlyDictionary<int, SortedSet<string>>> Cache = new();

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var method = context.MethodInfo ?? context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<MethodInfo>().FirstOrDefault();
        if (method is null || operation.Responses is null)
        {
            return;
        }
        var refusals = Cache.GetOrAdd(method, m => new Scanner().Scan(m)).ToDictionary(p => p.Key, p => new SortedSet<string>(p.Value, StringComparer.Ordinal));
        // The pipeline's refusals that depend on the operation: idempotency on keyed POSTs, If-Match where honoured.
        if (string.Equals(context.ApiDescription.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase) && operation.Security is { Count: > 0 })
        {
            Add(refusals, 409, "idempotency.in_flight");
            Add(refusals, 422, "idempotency.key_reused");
        }
        if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<Conventions.BuildingBlocks.Web.IfMatchHonoured>().Any())
        {
            Add(refusals, 412, "precondition.failed");
        }
        var problemContent = operation.Responses.Values.OfType<OpenApiResponse>().FirstOrDefault(r => r.Content?.ContainsKey("application/problem+json") == true)?.Content;
        foreach (var (status, codes) in refusals)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!operation.Responses.ContainsKey(key) && problemContent is not null)
            {
                // A refusal the endpoint did not declare: documented all the same.
                operation.Responses[key] = new OpenApiResponse { Description = "Refused.", Content = problemContent };
            }
            if (operation.Responses.TryGetValue(key, out var response) && response is OpenApiResponse problem)
            {
                problem.Description = $"{problem.Description} Codes: {string.Join(", ", codes)}.";
                problem.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                problem.Extensions["x-error-codes"] = new JsonNodeExtension(new JsonArray([.. codes.Select(c => (JsonNode)JsonValue.Create(c))]));
            }
        }
    }

    private static void Add(Dictionary<int, SortedSet<string>> refusals, int status, string code)
    {
        if (!refusals.TryGetValue(status, out var codes))
        {
            refusals[status] = codes = new SortedSet<string>(StringComparer.Ordinal);
        }
        codes.Add(code);
    }

    /// <summary>The refusals reachable from an endpoint's delegate, by HTTP status.</summary>
    private sealed partial class Scanner
    {
        private static readonly Dictionary<short, OpCode> OpCodes = typeof(System.Reflection.Emit.OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

        private readonly HashSet<MethodBase> _visited = [];
        private readonly Dictionary<int, SortedSet<string>> _found = [];

        public IReadOnlyDictionary<int, SortedSet<string>> Scan(MethodInfo endpoint)
        {
            Visit(endpoint, 0);
            // A request bound from the body as the command itself: its handler, as if built in the delegate.
            foreach (var parameter in endpoint.GetParameters())
            {
                if (Handler(parameter.ParameterType) is { } handler)
                {
                    if (HasValidator(parameter.ParameterType))
                    {
                        Add(400, "validation.failed");
                    }
                    Visit(handler, 1);
                }
            }
            return _found;
        }

        private void Visit(MethodBase method, int depth)
        {
            if (depth > 12 || !_visited.Add(method) || !IsEngine(method.DeclaringType))
            {
                return;
            }
            if (method.GetCustomAttribute<AsyncStateMachineAttribute>() is { } stateMachine)
            {
                Visit(stateMachine.StateMachineType.GetMethod("MoveNext", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)!, depth + 1);
            }
            byte[]? il;
            try
            {
                il = method.GetMethodBody()?.GetILAsByteArray();
            }
            catch (InvalidOperationException)
            {
                return;
            }
            if (il is null)
            {
                return;
            }
            string? lastCode = null;
            string? lastWord = null;
            var module = method.Module;
            for (var i = 0; i < il.Length;)
            {
                var code = il[i] == 0xFE ? OpCodes[(short)(0xFE00 | il[i + 1])] : OpCodes[il[i]];
                i += code.Size;
                var operandStart = i;
                i += OperandSize(code, il, i);
                if (code.OperandType == OperandType.InlineString)
                {
                    var text = module.ResolveString(BitConverter.ToInt32(il, operandStart));
                    if (CodePattern().IsMatch(text))
                    {
                        lastCode = text;
                    }
                    else if (WordPattern().IsMatch(text))
                    {
                        lastWord = text;
                    }
                }
                else if (code.OperandType == OperandType.InlineMethod)
                {
                    MethodBase? target;
                    try
                    {
                        target = module.ResolveMethod(BitConverter.ToInt32(il, operandStart), method.DeclaringType?.GetGenericArguments(), method.IsGenericMethod ? method.GetGenericArguments() : null);
                    }
                    catch (ArgumentException)
                    {
                        continue;
                    }
                    if (target is null)
                    {
                        continue;
                    }
                    Record(target, lastCode, lastWord);
                    Visit(target, depth + 1);
                    if (target is ConstructorInfo { DeclaringType: { } created } && Handler(created) is { } handler)
                    {
                        if (HasValidator(created))
                        {
                            Add(400, "validation.failed");
                        }
                        Visit(handler, depth + 1);
                    }
                }
            }
        }

        /// <summary>A refusal raised at this call: an exception's constructor after its code, or NotFoundException.For.</summary>
        private void Record(MethodBase target, string? lastCode, string? lastWord)
        {
            if (target is ConstructorInfo { DeclaringType: { } type } && typeof(AppException).IsAssignableFrom(type) && lastCode is not null && Status(type) is { } status)
            {
                Add(status, lastCode);
            }
            else if (target.DeclaringType == typeof(NotFoundException) && target.Name == nameof(NotFoundException.For) && lastWord is not null)
            {
                Add(404, lastWord + ".not_found");
            }
            else if (target.DeclaringType == typeof(InvalidInputException) && target.Name == nameof(InvalidInputException.Field))
            {
                Add(400, "validation.failed");
            }
        }

        private void Add(int status, string code)
        {
            if (!_found.TryGetValue(status, out var codes))
            {
                _found[status] = codes = new SortedSet<string>(StringComparer.Ordinal);
            }
            codes.Add(code);
        }

        private static int? Status(Type type) => type.Name switch
        {
            nameof(InvalidInputException) => 400,
            nameof(ForbiddenException) => 403,
            nameof(NotFoundException) => 404,
            nameof(ConflictException) => 409,
            nameof(PreconditionFailedException) => 412,
            nameof(BusinessRuleException) => 422,
            _ => null,
        };

        private static readonly ConcurrentDictionary<Type, MethodInfo?> Handlers = new();

        private static readonly ConcurrentDictionary<Type, bool> Validated = new();

        /// <summary>True when the request has a validator: the validation behaviour may refuse it, 400 validation.failed.</summary>
        private static bool HasValidator(Type request) => Validated.GetOrAdd(request, r =>
            EngineAssemblies().SelectMany(SafeTypes).Any(t => !t.IsAbstract && typeof(FluentValidation.IValidator<>).MakeGenericType(r).IsAssignableFrom(t)));

        /// <summary>The handler of a request type (a command or query built here and sent through the mediator).</summary>
        private static MethodInfo? Handler(Type request) =>
            typeof(IMessage).IsAssignableFrom(request) ? Handlers.GetOrAdd(request, FindHandler) : null;

        private static MethodInfo? FindHandler(Type request)
        {
            foreach (var type in request.Assembly.GetTypes().Concat(EngineAssemblies().SelectMany(SafeTypes)))
            {
                foreach (var face in type.GetInterfaces().Where(f => f.IsGenericType && f.GetGenericArguments()[0] == request))
                {
                    var definition = face.GetGenericTypeDefinition();
                    if (definition == typeof(ICommandHandler<,>) || definition == typeof(IQueryHandler<,>) || definition == typeof(IRequestHandler<,>))
                    {
                        return type.GetInterfaceMap(face).TargetMethods.FirstOrDefault();
                    }
                }
            }
            return null;
        }

        private static IEnumerable<Assembly> EngineAssemblies() =>
            AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name?.StartsWith("Conventions.", StringComparison.Ordinal) == true);

        private static Type[] SafeTypes(Assembly assembly)
        {
            try
            {
                return assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException e)
            {
                return [.. e.Types.OfType<Type>()];
            }
        }

        private static bool IsEngine(Type? type) =>
            type?.Assembly.GetName().Name?.StartsWith("Conventions.", StringComparison.Ordinal) == true;

        private static int OperandSize(OpCode code, byte[] il, int at) => code.OperandType switch
        {
            OperandType.InlineNone => 0,
            OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
            OperandType.InlineVar => 2,
            OperandType.InlineI8 or OperandType.InlineR => 8,
            OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
            _ => 4,
        };

        [GeneratedRegex("^[a-z]+(?:_[a-z]+)*\\.[a-z]+(?:_[a-z]+)*$")]
        private static partial Regex CodePattern();

        [GeneratedRegex("^[a-z]+(?:_[a-z]+)*$")]
        private static partial Regex WordPattern();
    }
}
