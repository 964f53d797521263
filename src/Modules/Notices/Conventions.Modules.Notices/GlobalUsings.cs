// The namespaces nearly every use case of the module needs, once for the project (the same using block in every
// file was most of what the files repeated).
global using Conventions.BuildingBlocks.Access;
global using Conventions.BuildingBlocks.Web;
global using Conventions.Modules.Notices.Domain;
global using Conventions.Modules.Notices.Persistence;
global using FluentValidation;
global using Mediator;
global using Microsoft.EntityFrameworkCore;
