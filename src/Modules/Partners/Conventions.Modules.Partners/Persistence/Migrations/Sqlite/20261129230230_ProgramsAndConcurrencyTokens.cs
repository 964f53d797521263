using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Partners.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class ProgramsAndConcurrencyTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "partners_credentials",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "partners_program_participants",
                columns: table => new
                {
                    ProgramKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IsOperator = table.Column<bool>(type: "INTEGER", nullable: false),
                    Since = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partners_program_participants", x => new { x.ProgramKey, x.OrganizationId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_partners_program_participants_OrganizationId",
                table: "partners_program_participants",
                column: "OrganizationId");

            // A key's clear prefix kept for display is at most 8 characters (the key prefix "cvk_" and 4 more).
            migrationBuilder.Sql("UPDATE partners_credentials SET KeyPrefix = substr(KeyPrefix, 1, 8);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "partners_program_participants");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "partners_credentials");
        }
    }
}
