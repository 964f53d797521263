using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Scheduling.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class PersonalDataRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AnonymisedAt",
                table: "scheduling_appointments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_scheduling_appointments_AnonymisedAt_OccurrenceId",
                table: "scheduling_appointments",
                columns: new[] { "AnonymisedAt", "OccurrenceId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_scheduling_appointments_AnonymisedAt_OccurrenceId",
                table: "scheduling_appointments");

            migrationBuilder.DropColumn(
                name: "AnonymisedAt",
                table: "scheduling_appointments");
        }
    }
}
