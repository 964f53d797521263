using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Partners.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "partners_credentials",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    KeyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    KeyPrefix = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReplacedById = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partners_credentials", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "partners_donations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DonorOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecipientOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Amount = table.Column<double>(type: "REAL", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReceiptNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ReceiptHtml = table.Column<string>(type: "TEXT", maxLength: -1, nullable: false),
                    ReceiptSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partners_donations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "partners_inbox",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Consumer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HandledAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partners_inbox", x => new { x.EventId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "partners_organizations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AddressLine1 = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AddressPostalCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AddressCity = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Website = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    PublishPhone = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsSuspended = table.Column<bool>(type: "INTEGER", nullable: false),
                    SuspensionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SuspendedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partners_organizations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "partners_outbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partners_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "organization_operators",
                columns: table => new
                {
                    OperatorOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organization_operators", x => new { x.OrganizationId, x.OperatorOrganizationId });
                    table.ForeignKey(
                        name: "FK_organization_operators_partners_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "partners_organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "partners_contacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Roles = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partners_contacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_partners_contacts_partners_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "partners_organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_organization_operators_OperatorOrganizationId",
                table: "organization_operators",
                column: "OperatorOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_partners_contacts_OrganizationId",
                table: "partners_contacts",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_partners_credentials_KeyHash",
                table: "partners_credentials",
                column: "KeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_partners_credentials_OrganizationId",
                table: "partners_credentials",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_partners_donations_DonorOrganizationId",
                table: "partners_donations",
                column: "DonorOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_partners_donations_ReceiptNumber",
                table: "partners_donations",
                column: "ReceiptNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_partners_organizations_Name",
                table: "partners_organizations",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_partners_outbox_ProcessedAt_NextAttemptAt",
                table: "partners_outbox",
                columns: new[] { "ProcessedAt", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "organization_operators");

            migrationBuilder.DropTable(
                name: "partners_contacts");

            migrationBuilder.DropTable(
                name: "partners_credentials");

            migrationBuilder.DropTable(
                name: "partners_donations");

            migrationBuilder.DropTable(
                name: "partners_inbox");

            migrationBuilder.DropTable(
                name: "partners_outbox");

            migrationBuilder.DropTable(
                name: "partners_organizations");
        }
    }
}
