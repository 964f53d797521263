using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Scheduling.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class PermanenceProposals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DecidedAt",
                schema: "scheduling",
                table: "permanences",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RefusalReason",
                schema: "scheduling",
                table: "permanences",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                schema: "scheduling",
                table: "permanences",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Approved");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DecidedAt",
                schema: "scheduling",
                table: "permanences");

            migrationBuilder.DropColumn(
                name: "RefusalReason",
                schema: "scheduling",
                table: "permanences");

            migrationBuilder.DropColumn(
                name: "Status",
                schema: "scheduling",
                table: "permanences");
        }
    }
}
