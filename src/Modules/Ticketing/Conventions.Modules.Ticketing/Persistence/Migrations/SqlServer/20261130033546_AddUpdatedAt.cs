using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Ticketing.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class AddUpdatedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "UpdatedAt",
                schema: "ticketing",
                table: "offers",
                type: "datetimeoffset",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "UpdatedAt",
                schema: "ticketing",
                table: "bookings",
                type: "datetimeoffset",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Rows written before this migration: last changed when created, as far as anyone can tell.
            migrationBuilder.Sql("UPDATE [ticketing].[offers] SET [UpdatedAt] = [CreatedAt];");
            migrationBuilder.Sql("UPDATE [ticketing].[bookings] SET [UpdatedAt] = [CreatedAt];");

            migrationBuilder.CreateIndex(
                name: "IX_offers_UpdatedAt",
                schema: "ticketing",
                table: "offers",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_OrganizationId_UpdatedAt",
                schema: "ticketing",
                table: "bookings",
                columns: new[] { "OrganizationId", "UpdatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_offers_UpdatedAt",
                schema: "ticketing",
                table: "offers");

            migrationBuilder.DropIndex(
                name: "IX_bookings_OrganizationId_UpdatedAt",
                schema: "ticketing",
                table: "bookings");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                schema: "ticketing",
                table: "offers");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                schema: "ticketing",
                table: "bookings");
        }
    }
}
