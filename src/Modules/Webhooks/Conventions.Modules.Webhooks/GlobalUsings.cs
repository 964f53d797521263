// The namespaces nearly every use case of the module needs, once for the project.
global using Conventions.BuildingBlocks.Access;
global using Conventions.BuildingBlocks.Errors;
global using Conventions.BuildingBlocks.Validation;
global using Conventions.BuildingBlocks.Web;
global using Conventions.Modules.Webhooks.Contracts;
global using Conventions.Modules.Webhooks.Domain;
global using Conventions.Modules.Webhooks.Persistence;
global using FluentValidation;
global using Mediator;
global using Microsoft.EntityFrameworkCore;
