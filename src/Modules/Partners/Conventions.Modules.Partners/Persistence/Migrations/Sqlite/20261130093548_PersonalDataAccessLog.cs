using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Partners.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class PersonalDataAccessLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "partners_personal_data_access",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    CredentialId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Resource = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Request = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partners_personal_data_access", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_partners_personal_data_access_At_Id",
                table: "partners_personal_data_access",
                columns: new[] { "At", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_partners_personal_data_access_OrganizationId_At_Id",
                table: "partners_personal_data_access",
                columns: new[] { "OrganizationId", "At", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "partners_personal_data_access");
        }
    }
}
