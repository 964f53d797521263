using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Conventions.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class AddUpdatedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "UpdatedAt",
                schema: "conventions",
                table: "conventions",
                type: "datetimeoffset",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Rows written before this migration: last changed when created, as far as anyone can tell.
            migrationBuilder.Sql("UPDATE [conventions].[conventions] SET [UpdatedAt] = [CreatedAt];");

            migrationBuilder.CreateIndex(
                name: "IX_conventions_UpdatedAt",
                schema: "conventions",
                table: "conventions",
                column: "UpdatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_conventions_UpdatedAt",
                schema: "conventions",
                table: "conventions");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                schema: "conventions",
                table: "conventions");
        }
    }
}
