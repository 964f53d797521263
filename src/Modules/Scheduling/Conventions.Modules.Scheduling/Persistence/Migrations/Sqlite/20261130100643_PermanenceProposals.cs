using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Scheduling.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class PermanenceProposals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DecidedAt",
                table: "scheduling_permanences",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RefusalReason",
                table: "scheduling_permanences",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "scheduling_permanences",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Approved");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DecidedAt",
                table: "scheduling_permanences");

            migrationBuilder.DropColumn(
                name: "RefusalReason",
                table: "scheduling_permanences");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "scheduling_permanences");
        }
    }
}
