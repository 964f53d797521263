using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Scheduling.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class PersonalDataRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AnonymisedAt",
                schema: "scheduling",
                table: "appointments",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_appointments_AnonymisedAt_OccurrenceId",
                schema: "scheduling",
                table: "appointments",
                columns: new[] { "AnonymisedAt", "OccurrenceId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_appointments_AnonymisedAt_OccurrenceId",
                schema: "scheduling",
                table: "appointments");

            migrationBuilder.DropColumn(
                name: "AnonymisedAt",
                schema: "scheduling",
                table: "appointments");
        }
    }
}
