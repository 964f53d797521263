// The namespaces nearly every use case of the module needs, once for the project (the same using block in every
// file was most of what the files repeated).
global using Conventions.BuildingBlocks.Access;
global using Conventions.BuildingBlocks.Errors;
global using Conventions.BuildingBlocks.Time;
global using Conventions.BuildingBlocks.Validation;
global using Conventions.BuildingBlocks.Web;
global using Conventions.Modules.Ticketing.Contracts;
global using Conventions.Modules.Ticketing.Domain;
global using Conventions.Modules.Ticketing.Persistence;
global using FluentValidation;
global using Mediator;
global using Microsoft.EntityFrameworkCore;
global using Conventions.BuildingBlocks.Observability;
