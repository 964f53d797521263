using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Partners.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class ProgramsAndConcurrencyTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                schema: "partners",
                table: "credentials",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "program_participants",
                schema: "partners",
                columns: table => new
                {
                    ProgramKey = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    IsOperator = table.Column<bool>(type: "bit", nullable: false),
                    Since = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_program_participants", x => new { x.ProgramKey, x.OrganizationId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_program_participants_OrganizationId",
                schema: "partners",
                table: "program_participants",
                column: "OrganizationId");

            // A key's clear prefix kept for display is at most 8 characters (the key prefix "cvk_" and 4 more).
            migrationBuilder.Sql("UPDATE [partners].[credentials] SET [KeyPrefix] = LEFT([KeyPrefix], 8);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "program_participants",
                schema: "partners");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                schema: "partners",
                table: "credentials");
        }
    }
}
