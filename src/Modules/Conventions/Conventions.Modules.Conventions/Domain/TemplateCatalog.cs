namespace Conventions.Modules.Conventions.Domain;

/// <summary>The kind of term a template declares.</summary>
internal enum TermKind
{
    /// <summary>A fixed period (Culture pour tous: 1 October to 30 September).</summary>
    Fixed,

    /// <summary>One year from the start, renewed tacitly each year (La Ruche Numérique).</summary>
    Yearly,
}

/// <summary>A commitment of one party, in the seed's words. <c>{partenaire}</c> stands for the partner's short name.</summary>
internal sealed record Commitment(ConventionParty Party, string Section, string Text);

/// <summary>A variable the template accepts, with the seed's value as default.</summary>
internal sealed record TemplateParameter(string Name, string Description, bool Required, string? Default, bool IsList = false);

/// <summary>A built-in convention template: its clauses as data, and the Scriban file that words them.</summary>
internal sealed record ConventionTemplate(
    string Key,
    string Title,
    string Program,
    string FileName,
    TermKind Term,
    RenewalPolicy RenewalPolicy,
    DisputePolicy DisputePolicy,
    bool PublicationsNeedBothApprovals,
    IReadOnlyList<Commitment> Commitments,
    IReadOnlyList<TemplateParameter> Parameters)
{
    /// <summary>
    /// The text shows both parties' logos (La Ruche, article 5: publications bear "les deux logos suivants"), the same
    /// article that makes publications need both approvals.
    /// </summary>
    public bool PrintsLogos => PublicationsNeedBothApprovals;

    public IReadOnlyList<Commitment> CommitmentsOf(ConventionParty party, string section) =>
        Commitments.Where(c => c.Party == party && c.Section == section).ToList();
}

internal static class TemplateCatalog
{
    public const string Guarantees = "garantit";
    public const string Authorizations = "autorise";
    public const string Undertakings = "s-engage";
    public const string Mediation = "mediation";

    public static readonly ConventionTemplate CulturePourTous = new(
        ConventionTemplates.CultureSocialPartner,
        "Convention de partenariat – Coopérateur social",
        "culture-pour-tous",
        "culture-pour-tous-social-partner.sbn-html",
        TermKind.Fixed,
        RenewalPolicy.None,
        DisputePolicy.SuspendExplainTerminate,
        PublicationsNeedBothApprovals: false,
        [
            new(ConventionParty.Partner, Guarantees, "Sa direction a signé la convention de partenariat avec CULTURE POUR TOUS."),
            new(ConventionParty.Partner, Guarantees, "Le coopérateur informe de manière adéquate les personnes qu'il accompagne sur la possibilité pour elles d'avoir accès au dispositif et des conditions d'utilisation."),
            new(ConventionParty.Partner, Guarantees, "L'accès aux invitations est réservé aux personnes éligibles (personnes rencontrant des difficultés sociales et économiques telles qu'elles ne peuvent pas librement acheter les places qu'elles souhaitent ; ces personnes sont nécessairement inscrites au sein de la structure dans un accompagnement). Les personnes éligibles sont appelées Actionneurs dans le dispositif."),
            new(ConventionParty.Partner, Guarantees, "La réservation effectuée par le Coopérateur sur le site Internet www.culture-pour-tous.fr pour le compte de l'Actionneur respecte le libre-choix de ce dernier."),
            new(ConventionParty.Partner, Guarantees, "Les invitations sont remises aux Actionneurs et utilisées dans les conditions prévues : les invitations sont nominatives et ne peuvent être cédées à un tiers."),
            new(ConventionParty.Partner, Guarantees, "L'Actionneur a la possibilité d'inviter de la famille ou un ami ; chacun bénéficie également d'une invitation nominative réservée sur le site."),
            new(ConventionParty.Partner, Guarantees, "Les éventuels accompagnants professionnels ou bénévoles peuvent bénéficier d'invitations lorsque leur présence est souhaitée par l'Actionneur ou rendue indispensable par les difficultés de l'Actionneur."),
            new(ConventionParty.Partner, Guarantees, "Les professionnels, bénévoles et invités de l'Actionneur (famille, amis) ne peuvent ni conserver, ni utiliser, ni céder leurs invitations si le projet de sortie est annulé par l'Actionneur."),
            new(ConventionParty.Partner, Guarantees, "L'Actionneur ne peut en aucun cas céder son invitation s'il ne souhaite ou ne peut plus l'utiliser ; il doit en demander l'annulation et détruire l'invitation papier qu'on lui avait remise, ainsi que celle de ses invités."),
            new(ConventionParty.Partner, Guarantees, "Lorsque l'Actionneur ne peut utiliser la réservation faite, le Coopérateur s'engage à faire annuler la réservation dans la mesure du possible sur le site Internet ou à informer le service Culture pour tous ou la structure culturelle ou sportive concernée ; il en est de même pour les réservations de ses Invités."),
            new(ConventionParty.Partner, Guarantees, "Lorsque le projet de sortie est annulé, le Coopérateur veille à ce que les réservations soient annulées sur le site Internet et les contremarques correspondantes détruites."),
            new(ConventionParty.Partner, Guarantees, "Les identifiants d'accès permettant la réservation sur le site Internet sont uniquement utilisés par des personnes habilitées par le coopérateur, intervenant régulièrement et officiellement chez le Coopérateur, connaissant bien le fonctionnement et ayant pris connaissance des conditions d'utilisation."),
            new(ConventionParty.Partner, Guarantees, "Les identifiants « visiteurs » qui permettent la consultation de l'offre sur Internet sans réservation sont transmis aux Actionneurs."),
            new(ConventionParty.Partner, Guarantees, "Un membre de l'équipe du Coopérateur est nommé référent « Culture pour tous ». Le référent assurera pour le Coopérateur la gestion interne de l'utilisation du dispositif. Il sera également l'interlocuteur privilégié du service Culture pour tous. En fonction de la taille de la structure, de l'organisation de ses activités, le Coopérateur peut permettre à d'autres collaborateurs de son équipe d'utiliser le dispositif."),
            new(ConventionParty.Partner, Guarantees, "Le Coopérateur s'engage à faire une utilisation raisonnée du dispositif (éviter autant que possible d'aller au-delà de deux réservations par semaine et par personne). Il s'engage en particulier à être attentif aux « alertes indicatives » qui sont affichées sur le site en cas de forte utilisation. CULTURE POUR TOUS se réserve le droit de contacter le Coopérateur si des dysfonctionnements sont constatés (grand nombre de réservations inutilisées...)."),
            new(ConventionParty.Partner, Guarantees, "Le coopérateur peut utiliser son compte sur le site Internet pour renseigner les champs concernant les venues des personnes (tableau de bord) et commenter l'utilisation faite des invitations."),
            new(ConventionParty.Partner, Guarantees, "L'équipe de professionnels et bénévoles du Coopérateur ainsi que les Actionneurs qu'ils accueillent pourront participer à des temps de réunion, de bilan et de rencontre proposés par CULTURE POUR TOUS – SERVICE D'ALLIES afin de leur permettre de s'approprier le dispositif et de l'utiliser dans les conditions prévues ; ces rencontres visent également à faciliter le travail des structures qui souhaitent développer la participation à la vie culturelle des personnes dont elles s'occupent."),
            new(ConventionParty.Partner, Guarantees, "Lorsque les Actionneurs, professionnels et bénévoles de la structure s'expriment sur www.lesecrueurs.fr, ils le font dans le respect de la loi et des personnes. Les activités illégales sous toutes leurs formes y sont interdites (harcèlement, diffamation, injure, discrimination, incitation à la violence ou à la haine, non-respect de la vie privée ...)."),
            new(ConventionParty.Partner, Guarantees, "Le coopérateur s'engage à transmettre aux Actionneurs toutes les informations les concernant (invitations envoyées par le service Culture pour tous, information sur des difficultés rencontrées dans l'utilisation du dispositif, informations de dernière minute concernant les événements auxquels l'Actionneur a prévu de participer)."),
            new(ConventionParty.Partner, Authorizations, "mettre en ligne sur les comptes de Coopérateur du site interne de CULTURE POUR TOUS un annuaire comprenant les coordonnées détaillées des structures partenaires et référents « Culture pour tous » dans ces structures afin de faciliter la mise en relation, le développement d'actions et de projets de partenariat. Sur le site Internet « grand public », les informations contenues dans l'annuaire des structures partenaires se limitent au nom de la structure, à son adresse postale, son numéro de téléphone et son site Internet."),
            new(ConventionParty.Partner, Authorizations, "CULTURE POUR TOUS ne diffuse aucune base de données ni fichier comportant des données personnelles et nominatives relatives aux Actionneurs."),
            new(ConventionParty.Partner, Authorizations, "En cas de non-respect des conditions d'utilisation, CULTURE POUR TOUS se réserve le droit de suspendre le compte de la structure sur le site Internet."),
            new(ConventionParty.Operator, Undertakings, "S'efforce de proposer une offre la plus diversifiée possible, dans la limite de ses moyens et capacités financières et matérielles. CULTURE POUR TOUS ne peut s'engager à mettre à disposition le nombre exact de places souhaité par un Actionneur ou par un Coopérateur. L'accès aux offres est possible dans la limite de ce qui est mis à disposition sur le site Internet (le système de liste d'attente peut permettre d'ajuster l'offre à la demande). Le Coopérateur ou l'Actionneur peut acheter directement des places auprès de la structure culturelle ou sportive qui l'intéresse s'il n'a rien trouvé sur le site de Culture pour tous ou s'il préfère ne pas passer par CULTURE POUR TOUS pour certaines sorties."),
            new(ConventionParty.Operator, Undertakings, "Assure l'existence d'une offre culturelle et sportive reflétant la richesse de son territoire, notamment en développant un réseau de partenaires culturels et sportifs"),
            new(ConventionParty.Operator, Undertakings, "Est l'interlocuteur privilégié du coopérateur social pour l'utilisation du site Internet et de l'offre et facilite la relation entre coopérateur sociaux et structures culturelles ou sportives partenaires."),
            new(ConventionParty.Operator, Undertakings, "Est autorisé à mettre en ligne sur les accès partenaires du site Internet un annuaire comprenant les coordonnées détaillées des structures partenaires et référents « Culture pour tous » dans ces structures afin de faciliter la mise en relation, le développement d'actions et de projets de partenariat. Sur le site Internet « grand public », les informations contenues dans l'annuaire des structures partenaires se limitent au nom de la structure, à son adresse postale et son site Internet."),
            new(ConventionParty.Operator, Undertakings, "Ne diffuse aucune base de données ni fichier comportant les données personnelles et nominatives des Actionneurs."),
            new(ConventionParty.Operator, Undertakings, "Met à la disposition du coopérateur social partenaire un code confidentiel lui permettant d'accéder à la Billetterie solidaire ; un nouveau mot de passe est attribué tous les ans à la structure."),
            new(ConventionParty.Operator, Undertakings, "Met à la disposition du coopérateur social le code d'accès « visiteur » permettant la simple consultation sans réservation des offres disponibles ; ce code est principalement destiné à permettre aux personnes bénéficiaires de s'informer par leurs propres moyens."),
            new(ConventionParty.Operator, Undertakings, "Veille au bon fonctionnement du site Internet en matière de dépôts et de retraits des invitations, de suivi des venues des personnes. Soucieuse d'interroger sa pratique et parce qu'elle est garante du bon fonctionnement du dispositif, CULTURE POUR TOUS veille à la qualité des services qu'elle produit, notamment par le biais de contrôles réguliers (utilisation des invitations, accueil des Actionneurs)."),
            new(ConventionParty.Operator, Undertakings, "Met à la disposition du coopérateur social des outils de communication et d'information permettant de préparer les sorties si le coopérateur le souhaite et en fait la demande. CULTURE POUR TOUS veille également à ce que les structures culturelles / sportives puissent adresser directement leurs documents de communication aux coopérateurs sociaux qui le souhaitent."),
            new(ConventionParty.Operator, Undertakings, "Les coopérateurs sociaux et les partenaires culturels / sportifs sont invités à se retrouver pour un temps de présentation et d'échange en début et en fin de saison. Ce temps fort marque le début de la saison et se déroule en juin et septembre. Des ateliers, rencontres et formations sont également proposés tout au long de l'année. La programmation est consultable sur le site Internet et via sa lettre d'information."),
            new(ConventionParty.Partner, Mediation, "Le Coopérateur peut proposer et organiser avec Culture pour tous des activités d'accompagnement et de médiation à destination des Actionneurs et coopérateurs : ateliers, visites, répétitions publiques, présentations de spectacles, rencontres, échanges, installations, etc."),
        ],
        [
            new("season", "The season in the title, as in \"2019-2020\" (default: the years of the start and end dates).", false, null),
        ]);

    public static readonly ConventionTemplate RucheNumerique = new(
        ConventionTemplates.RuchePremises,
        "Convention de partenariat – La Ruche Numérique",
        "ruche-numerique",
        "ruche-numerique-premises.sbn-html",
        TermKind.Yearly,
        RenewalPolicy.TacitYearly,
        DisputePolicy.LapseAfterOneMonth,
        PublicationsNeedBothApprovals: true,
        [
            new(ConventionParty.Partner, Undertakings, "participer à l'activité de la Ruche Numérique,"),
            new(ConventionParty.Partner, Undertakings, "communiquer sur ses activités et son partenariat avec la Ruche Numérique,"),
            new(ConventionParty.Partner, Undertakings, "informer des permanences qui ne seront pas maintenues,"),
            new(ConventionParty.Partner, Undertakings, "accueillir des personnes identifiées par la Ruche Numérique et pouvant trouver bénéfice dans l'accompagnement et les ateliers proposés, dans la limite de la capacité d'accueil,"),
            new(ConventionParty.Partner, Undertakings, "respecter le cadre d'action de la Ruche Numérique et notamment de la complémentarité avec le label Maison France Services détenu par la Ruche Numérique."),
            new(ConventionParty.Operator, Undertakings, "mettre à disposition à titre gracieux une salle et/ou un bureau lors de leurs interventions au sein du tiers-lieu,"),
            new(ConventionParty.Operator, Undertakings, "permettre un accès internet aux professionnels et/ou aux publics si besoin pour l'intervention,"),
            new(ConventionParty.Operator, Undertakings, "inviter l'Association {partenaire}, à participer à des temps de mise en commun, de bilan."),
        ],
        [
            new("partnerFullName", "The association's full name, in « » in the parties' clause (default: its registered name).", false, null),
            new("partnerShortName", "The partner's short name used throughout the text (default: its registered name).", false, null),
            new("operatorDesignation", "How the town is designated in the parties' clause.", false, "Mairie de la ville de Bagnols-sur-Cèze"),
            new("operatorShortName", "The town in the signature block (\"Pour la …\").", false, "Ville de Bagnols-sur-Cèze"),
            new("partnerPresentation", "Paragraphs presenting the partner association in the preamble (one per line).", false,
                "Parmi les partenaires locaux à Bagnols-sur-Cèze, l'Association A.V.A.Q. B-C est une association dont le but est d'accompagner les habitants dans leurs démarches personnelles mais aussi dans leurs projets collectifs pour promouvoir l'amélioration des conditions de vie des quartiers prioritaires de la Ville. Cette association a été créée par certains membres du conseil citoyen de Bagnols-sur-Cèze qui demeure une instance indépendante et liée aux circulaires gouvernementales relatives au Contrat de Ville.\n"
                + "Depuis quelques années, des bénévoles de l'association A.V.A.Q. B-C interviennent au sein de la Ruche numérique pour des missions d'accompagnement sur certaines démarches spécifiques.\n"
                + "La conduite de ces démarches se fait de manière complémentaire avec les missions affectées par le label Mission France Services. Les actions de l'association A.V.A.Q. B-C sont conduites exclusivement par des agents et bénévoles de l'association, sous la responsabilité de l'association.", IsList: true),
            new("partnershipPurposes", "What the partnership is opportune for (one per line).", false,
                "accompagner les personnes des quartiers en âge proche de la retraite dans leurs démarches d'ouverture de droit à la retraite : analyse des revenus, vérification de la carrière et recherche de solutions complémentaires de revenus,\n"
                + "accompagner les familles dans leurs démarches de demande ou renouvellement de titre de séjour,\n"
                + "proposer des ateliers collectifs permettant de développer l'autonomie grâce au numérique. Cette activité concourt également à la lutte contre l'isolement et la création de lien social, avec la prise en main du numérique comme support, auprès de publics variés : seniors, en recherche d'emploi...", IsList: true),
            new("intervenants", "Who intervenes for the association (one per line).", false,
                "la Présidente de l'Association, ou personne compétente désignée,\nl'intervenant, conseiller numérique de l'Association.", IsList: true),
            new("attendanceStatement", "The preamble's statement of the previous year's attendance.", false,
                "En 2023, la Ruche numérique a accueilli 8 123 visiteurs : 3 855 pour un accompagnement individuel sans rendez-vous, 565 pour un accompagnement individuel avec rendez-vous, 1 394 personnes pour un accès en autonomie à l'ordinateur, 619 pris en charge par un partenaire (sur rendez-vous ou lors de permanences) et 742 pris en charge par la CNFS (Conseillère numérique France Services)."),
            new("rankingStatement", "The preamble's statement of the place's ranking among France Services.", false,
                "Sur 33 structures labellisées France Services dans le département, la Ruche numérique se place en 2ème position de la fréquentation, après la Maison France Services de Nîmes portée par une association."),
            new("pageCount", "\"La présente convention comporte N pages\".", false, "4"),
        ]);

    public static readonly IReadOnlyList<ConventionTemplate> All = [CulturePourTous, RucheNumerique];

    public static ConventionTemplate? Find(string? key) => All.FirstOrDefault(t => t.Key == key);
}
