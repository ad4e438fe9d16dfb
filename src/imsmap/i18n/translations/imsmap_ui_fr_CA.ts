<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA">
<context>
    <name>AboutDialog</name>
    <message>
        <source>{version} (this imsmap reads and writes {supported})</source>
        <translation>{version} (cette version d&apos;imsmap lit et écrit la {supported})</translation>
    </message>
    <message>
        <source>imsmap version</source>
        <translation>Version d&apos;imsmap</translation>
    </message>
    <message>
        <source>Atlas version</source>
        <translation>Version de l&apos;atlas</translation>
    </message>
    <message>
        <source>Database schema</source>
        <translation>Schéma de la base de données</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <source>{path} (read-only)</source>
        <translation>{path} (lecture seule)</translation>
    </message>
    <message>
        <source>About imsmap</source>
        <translation>À propos d&apos;imsmap</translation>
    </message>
    <message>
        <source>Body-chart records of IMS (intramuscular stimulation) sessions.</source>
        <translation>Dossiers sur schéma corporel des séances de SIM (stimulation intramusculaire).</translation>
    </message>
    <message>
        <source>{name}:</source>
        <translation>{name}&#xa0;:</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
</context>
<context>
    <name>AdverseEvent</name>
    <message>
        <source>Bruising</source>
        <translation>Ecchymose</translation>
    </message>
    <message>
        <source>Bleeding</source>
        <translation>Saignement</translation>
    </message>
    <message>
        <source>Post-needling soreness</source>
        <translation>Douleur post-puncture</translation>
    </message>
    <message>
        <source>Dizziness / fainting</source>
        <translation>Étourdissement / évanouissement</translation>
    </message>
    <message>
        <source>Nerve symptoms</source>
        <translation>Symptômes neurologiques</translation>
    </message>
    <message>
        <source>Pneumothorax (suspected)</source>
        <translation>Pneumothorax (soupçonné)</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
</context>
<context>
    <name>AmendDialog</name>
    <message>
        <source>Amend signed session</source>
        <translation>Ajouter un addenda à la séance signée</translation>
    </message>
    <message>
        <source>Session of {when}, signed by {who} on {signed}. The signed note is not changed; this amendment is added to it with today&apos;s date and your name. Once added, it cannot be changed or withdrawn either: a mistake in it is corrected by another amendment.</source>
        <translation>Séance du {when}, signée par {who} le {signed}. La note signée n&apos;est pas modifiée; cet addenda y est ajouté avec la date du jour et votre nom. Une fois ajouté, il ne peut pas non plus être modifié ni retiré&#xa0;: une erreur dans un addenda se corrige par un autre addenda.</translation>
    </message>
    <message>
        <source>e.g. Wrong side recorded for site 4</source>
        <translation>p. ex. Mauvais côté consigné pour le point 4</translation>
    </message>
    <message>
        <source>Reason for the amendment</source>
        <translation>Motif de l&apos;addenda</translation>
    </message>
    <message>
        <source>Amendment text</source>
        <translation>Texte de l&apos;addenda</translation>
    </message>
    <message>
        <source>What is corrected or added</source>
        <translation>Ce qui est corrigé ou ajouté</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Motif&#xa0;:</translation>
    </message>
    <message>
        <source>Amendment:</source>
        <translation>Addenda&#xa0;:</translation>
    </message>
    <message>
        <source>Add amendment</source>
        <translation>Ajouter l&apos;addenda</translation>
    </message>
    <message>
        <source>Correct a site (optional)</source>
        <translation>Corriger un point (facultatif)</translation>
    </message>
    <message>
        <source>This session is marked entered in error and counts in no figure: its sites are not corrected. Say in the amendment what you add to the record.</source>
        <translation>Cette séance est marquée saisie par erreur et ne compte dans aucun chiffre&#xa0;: ses points ne sont pas corrigés. Dites dans l&apos;addenda ce que vous ajoutez au dossier.</translation>
    </message>
    <message>
        <source>The site stays printed as signed, with each correction beside it; the charts, Segments, Progress and the exports count it as corrected. A wrong muscle or side: mark the site recorded in error and say in the amendment what was needled.</source>
        <translation>Le point reste imprimé tel que signé, chaque correction à côté; les graphiques, Segments, Suivi et les exportations le comptent tel que corrigé. Un muscle ou un côté erroné&#xa0;: indiquez le point comme consigné par erreur et dites dans l&apos;addenda ce qui a été puncturé.</translation>
    </message>
    <message>
        <source>Site to correct</source>
        <translation>Point à corriger</translation>
    </message>
    <message>
        <source>What to correct</source>
        <translation>Ce qu&apos;il faut corriger</translation>
    </message>
    <message>
        <source>Grasp grade</source>
        <translation>Cote de préhension</translation>
    </message>
    <message>
        <source>Cramp</source>
        <translation>Crampe</translation>
    </message>
    <message>
        <source>Recorded in error</source>
        <translation>Consigné par erreur</translation>
    </message>
    <message>
        <source>Corrected value</source>
        <translation>Valeur corrigée</translation>
    </message>
    <message>
        <source>A&amp;dd correction</source>
        <translation>A&amp;jouter la correction</translation>
    </message>
    <message>
        <source>&amp;Site:</source>
        <translation>&amp;Point&#xa0;:</translation>
    </message>
    <message>
        <source>Co&amp;rrect:</source>
        <translation>Co&amp;rriger&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;En&#xa0;:</translation>
    </message>
    <message>
        <source>Corrections in this amendment</source>
        <translation>Corrections de cet addenda</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Re&amp;tirer</translation>
    </message>
    <message>
        <source>{site} – recorded in error</source>
        <translation>{site} – consigné par erreur</translation>
    </message>
    <message>
        <source>not graded</source>
        <translation>non cotée</translation>
    </message>
    <message>
        <source>A correction is chosen but not added: press Add correction to put it in this amendment, or Add amendment again to save without it.</source>
        <translation>Une correction est choisie mais pas ajoutée&#xa0;: appuyez sur Ajouter la correction pour la mettre dans cet addenda, ou de nouveau sur Ajouter l&apos;addenda pour enregistrer sans elle.</translation>
    </message>
    <message>
        <source>cramp</source>
        <translation>crampe</translation>
    </message>
    <message>
        <source>no cramp</source>
        <translation>sans crampe</translation>
    </message>
    <message>
        <source>recorded in error</source>
        <translation>consigné par erreur</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>not in error</source>
        <translation>valide</translation>
    </message>
    <message>
        <source>grade</source>
        <translation>préhension</translation>
    </message>
    <message>
        <source>site {seq}: {what}</source>
        <translation>point {seq}&#xa0;: {what}</translation>
    </message>
    <message>
        <source>Corrected: {list}.</source>
        <translation>Corrigé&#xa0;: {list}.</translation>
    </message>
    <message>
        <source>Site {seq}: {old} → {new}</source>
        <translation>Point {seq}&#xa0;: {old} → {new}</translation>
    </message>
</context>
<context>
    <name>AmendmentList</name>
    <message numerus="yes">
        <source>%n amendment(s), oldest first:</source>
        <translation>
            <numerusform>%n addenda&#xa0;:</numerusform>
            <numerusform>%n addenda, du plus ancien au plus récent&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>Newest only</source>
        <translation>Le plus récent seulement</translation>
    </message>
    <message>
        <source>Show less</source>
        <translation>Afficher moins</translation>
    </message>
    <message numerus="yes">
        <source>%n amendment(s); the newest:</source>
        <translation>
            <numerusform>%n addenda&#xa0;:</numerusform>
            <numerusform>%n addenda; le plus récent&#xa0;:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show all %n</source>
        <translation>
            <numerusform>Afficher les %n</numerusform>
            <numerusform>Afficher les %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Show in full</source>
        <translation>Afficher en entier</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>{name} is an imsmap backup. It is never opened to work in: what you recorded would go into the backup, not into your clinic&apos;s records. To bring it back, restore it (imsmap restore --db YOUR-DATABASE --force BACKUP); to look at it, copy it to a new name and open the copy.</source>
        <translation>{name} est une sauvegarde d&apos;imsmap. On ne l&apos;ouvre jamais pour y travailler&#xa0;: ce que vous y consigneriez irait dans la sauvegarde, pas dans les dossiers de votre clinique. Pour la récupérer, restaurez-la (imsmap restore --db VOTRE-BASE --force SAUVEGARDE); pour la consulter, copiez-la sous un autre nom et ouvrez la copie.</translation>
    </message>
    <message>
        <source>Sign in to the clinic server</source>
        <translation>Connexion au serveur de la clinique</translation>
    </message>
    <message>
        <source>Password for {login}:</source>
        <translation>Mot de passe de {login}&#xa0;:</translation>
    </message>
    <message>
        <source>Cannot open the clinic server</source>
        <translation>Impossible d&apos;ouvrir le serveur de la clinique</translation>
    </message>
    <message>
        <source>Cannot start</source>
        <translation>Démarrage impossible</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Old</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Après</translation>
    </message>
    <message>
        <source>Audit trail — session of {when}</source>
        <translation>Piste de vérification — séance du {when}</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Piste de vérification</translation>
    </message>
</context>
<context>
    <name>AuditTrail</name>
    <message>
        <source>Created</source>
        <translation>Création</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Retrait</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Rétablissement</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>Amendment added</source>
        <translation>Ajout d&apos;un addenda</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importation</translation>
    </message>
    <message>
        <source>Draft withdrawn</source>
        <translation>Retrait du brouillon</translation>
    </message>
    <message>
        <source>Marked entered in error</source>
        <translation>Consignée par erreur</translation>
    </message>
    <message>
        <source>Records merged</source>
        <translation>Fusion des dossiers</translation>
    </message>
    <message>
        <source>Records separated</source>
        <translation>Séparation des dossiers</translation>
    </message>
    <message>
        <source>Patient record</source>
        <translation>Dossier du patient</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Séance</translation>
    </message>
    <message>
        <source>Site {number}</source>
        <translation>Point {number}</translation>
    </message>
    <message>
        <source>Amendment {number}</source>
        <translation>Addenda {number}</translation>
    </message>
    <message>
        <source>Examination finding</source>
        <translation>Constat d&apos;examen</translation>
    </message>
    <message>
        <source>Adverse event</source>
        <translation>Événement indésirable</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Photo {number}</source>
        <translation>Photo {number}</translation>
    </message>
    <message>
        <source>Patient records</source>
        <translation>Dossiers du patient</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocole</translation>
    </message>
    <message>
        <source>Imported audit trail</source>
        <translation>Piste de vérification importée</translation>
    </message>
    <message>
        <source>A site no longer in the file</source>
        <translation>Un point qui n&apos;est plus dans le fichier</translation>
    </message>
    <message>
        <source>An amendment no longer in the file</source>
        <translation>Un addenda qui n&apos;est plus dans le fichier</translation>
    </message>
    <message>
        <source>A photo no longer in the file</source>
        <translation>Une photo qui n&apos;est plus dans le fichier</translation>
    </message>
    <message>
        <source>Chart number</source>
        <translation>Numéro de dossier</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Nom de famille</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Permanent identifier</source>
        <translation>Identifiant permanent</translation>
    </message>
    <message>
        <source>Body chart version</source>
        <translation>Version des schémas corporels</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Praticien</translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation>Numéro de permis</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Motif de consultation</translation>
    </message>
    <message>
        <source>Pain before (0 to 10)</source>
        <translation>Douleur avant (de 0 à 10)</translation>
    </message>
    <message>
        <source>Pain after (0 to 10)</source>
        <translation>Douleur après (de 0 à 10)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Informed consent</source>
        <translation>Consentement éclairé</translation>
    </message>
    <message>
        <source>Pneumothorax risk discussed</source>
        <translation>Risque de pneumothorax discuté</translation>
    </message>
    <message>
        <source>Needles used</source>
        <translation>Aiguilles utilisées</translation>
    </message>
    <message>
        <source>All needles accounted for</source>
        <translation>Aiguilles toutes comptées</translation>
    </message>
    <message>
        <source>Tolerance</source>
        <translation>Tolérance</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Content hash (SHA-256)</source>
        <translation>Empreinte du contenu (SHA-256)</translation>
    </message>
    <message>
        <source>Signed as</source>
        <translation>Signée au nom de</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>Signée le</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Signée par</translation>
    </message>
    <message>
        <source>First recorded on</source>
        <translation>Première consignation, le</translation>
    </message>
    <message>
        <source>First recorded by</source>
        <translation>Première consignation, par</translation>
    </message>
    <message>
        <source>Site number</source>
        <translation>Numéro du point</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Schéma</translation>
    </message>
    <message>
        <source>Place on the chart, across</source>
        <translation>Position sur le schéma, horizontale</translation>
    </message>
    <message>
        <source>Place on the chart, down</source>
        <translation>Position sur le schéma, verticale</translation>
    </message>
    <message>
        <source>Muscle</source>
        <translation>Muscle</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Côté</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Couche</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Needle diameter</source>
        <translation>Diamètre de l&apos;aiguille</translation>
    </message>
    <message>
        <source>Needle length</source>
        <translation>Longueur de l&apos;aiguille</translation>
    </message>
    <message>
        <source>Depth reached</source>
        <translation>Profondeur atteinte</translation>
    </message>
    <message>
        <source>Grasp</source>
        <translation>Préhension</translation>
    </message>
    <message>
        <source>Cramp</source>
        <translation>Crampe</translation>
    </message>
    <message>
        <source>Local twitch response</source>
        <translation>Secousse musculaire locale</translation>
    </message>
    <message>
        <source>Tissue feel</source>
        <translation>Texture</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Relâchement</translation>
    </message>
    <message>
        <source>Patient sensation</source>
        <translation>Sensation du patient</translation>
    </message>
    <message>
        <source>Electrical stimulation</source>
        <translation>Électrostimulation</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Prévu</translation>
    </message>
    <message>
        <source>Recorded in error</source>
        <translation>Consigné par erreur</translation>
    </message>
    <message>
        <source>From the protocol</source>
        <translation>Tiré du protocole</translation>
    </message>
    <message>
        <source>Copied forward from</source>
        <translation>Repris de</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Signe</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Action taken</source>
        <translation>Mesure prise</translation>
    </message>
    <message>
        <source>Fingerprint (SHA-256)</source>
        <translation>Empreinte (SHA-256)</translation>
    </message>
    <message>
        <source>Image type</source>
        <translation>Type d&apos;image</translation>
    </message>
    <message>
        <source>Width (pixels)</source>
        <translation>Largeur (pixels)</translation>
    </message>
    <message>
        <source>Height (pixels)</source>
        <translation>Hauteur (pixels)</translation>
    </message>
    <message>
        <source>Size (bytes)</source>
        <translation>Taille (octets)</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Légende</translation>
    </message>
    <message>
        <source>Site shown</source>
        <translation>Point illustré</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>Ajoutée par</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Amendment text</source>
        <translation>Texte de l&apos;addenda</translation>
    </message>
    <message>
        <source>Corrections of sites</source>
        <translation>Corrections des points</translation>
    </message>
    <message>
        <source>Photo added</source>
        <translation>Photo ajoutée</translation>
    </message>
    <message>
        <source>Duplicate record</source>
        <translation>Dossier en double</translation>
    </message>
    <message>
        <source>Record kept</source>
        <translation>Dossier conservé</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Annule</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Contenu</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Marked session</source>
        <translation>Séance visée</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>Mention</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>brouillon</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>signée</translation>
    </message>
    <message>
        <source>withdrawn draft</source>
        <translation>brouillon retiré</translation>
    </message>
    <message>
        <source>entered in error</source>
        <translation>consignée par erreur</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>{thing}: {field}</source>
        <translation>{thing}&#xa0;: {field}</translation>
    </message>
    <message>
        <source>a merge no longer in the file</source>
        <translation>une fusion qui n&apos;est plus dans le fichier</translation>
    </message>
    <message>
        <source>the merge of {when}</source>
        <translation>la fusion du {when}</translation>
    </message>
    <message>
        <source>Photo {number} (SHA-256 {sha256})</source>
        <translation>Photo {number} (SHA-256 {sha256})</translation>
    </message>
    <message>
        <source>this session</source>
        <translation>cette séance</translation>
    </message>
    <message>
        <source>a session no longer in the file</source>
        <translation>une séance qui n&apos;est plus dans le fichier</translation>
    </message>
    <message>
        <source>the session of {when}</source>
        <translation>la séance du {when}</translation>
    </message>
    <message>
        <source>a patient record no longer in the file</source>
        <translation>un dossier qui n&apos;est plus dans le fichier</translation>
    </message>
    <message>
        <source>Site {number}: {field} {old} → {new}</source>
        <translation>Point {number}&#xa0;: {field} {old} → {new}</translation>
    </message>
</context>
<context>
    <name>BackupPage</name>
    <message>
        <source>Backups</source>
        <translation>Sauvegardes</translation>
    </message>
    <message>
        <source>imsmap copies your records by itself: a full copy each week, and after every signed session what it added (the last three weeks).</source>
        <translation>imsmap copie vos dossiers de lui-même&#xa0;: une copie complète chaque semaine et, après chaque séance signée, ce qu&apos;elle a ajouté (les trois dernières semaines).</translation>
    </message>
    <message>
        <source>Choose where the copies go. Best is a folder on another disk: a USB drive or a second disk that stays connected to this computer.</source>
        <translation>Choisissez où vont les copies. Le mieux est un répertoire sur un autre disque&#xa0;: une clé USB ou un deuxième disque qui reste branché à cet ordinateur.</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Répertoire de sauvegarde</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Backup folder:</source>
        <translation>Répertoire de sauvegarde&#xa0;:</translation>
    </message>
    <message>
        <source>Default folder: {folder}</source>
        <translation>Répertoire par défaut&#xa0;: {folder}</translation>
    </message>
    <message>
        <source>This folder is on the same disk as your records. If that disk breaks or is stolen, the records and their backups are lost together. Choose a folder on a USB drive or another disk if you can.</source>
        <translation>Ce répertoire est sur le même disque que vos dossiers. Si ce disque tombe en panne ou est volé, les dossiers et leurs sauvegardes sont perdus ensemble. Choisissez si possible un répertoire sur une clé USB ou un autre disque.</translation>
    </message>
</context>
<context>
    <name>ChartKeys</name>
    <message>
        <source>Grade the selected site&apos;s grasp (a planned site is then recorded as needled)</source>
        <translation>Coter la préhension du point sélectionné (un point prévu est alors consigné comme puncturé)</translation>
    </message>
    <message>
        <source>Toggle cramp on the selected site</source>
        <translation>Activer ou désactiver la crampe du point sélectionné</translation>
    </message>
    <message>
        <source>Toggle local twitch response on the selected site</source>
        <translation>Activer ou désactiver la secousse musculaire locale du point sélectionné</translation>
    </message>
    <message>
        <source>Toggle electrical stimulation on the selected site</source>
        <translation>Activer ou désactiver l&apos;électrostimulation du point sélectionné</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Confirm the selected planned site as needled</source>
        <translation>Confirmer que le point prévu sélectionné est puncturé</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab, arrows</source>
        <translation>Tab / Maj+Tab, flèches</translation>
    </message>
    <message>
        <source>Select the next / previous site in number order (Tab after the last site moves on to the next field)</source>
        <translation>Sélectionner le point suivant / précédent dans l&apos;ordre des numéros (Tab après le dernier point passe au champ suivant)</translation>
    </message>
    <message>
        <source>Del / Backspace</source>
        <translation>Suppr / Retour arrière</translation>
    </message>
    <message>
        <source>Remove the selected site (Ctrl+Z brings it back)</source>
        <translation>Retirer le point sélectionné (Ctrl+Z le rétablit)</translation>
    </message>
    <message>
        <source>Find a muscle by name or synonym: shows, lights and centres it (a level typed after the name, &quot;multifidus L4&quot;, lights that level only)</source>
        <translation>Trouver un muscle par son nom ou un synonyme&#xa0;: l&apos;affiche, l&apos;éclaire et le centre (un niveau tapé après le nom, «&#xa0;multifide L4&#xa0;», n&apos;éclaire que ce niveau)</translation>
    </message>
    <message>
        <source>Enter, or L / R</source>
        <translation>Entrée, ou G / D</translation>
    </message>
    <message>
        <source>With a muscle found by name lit: add a site on it (L / R: the patient&apos;s side, where it is drawn on both)</source>
        <translation>Un muscle trouvé par son nom éclairé&#xa0;: y ajouter un point (G / D&#xa0;: le côté du patient, là où il est dessiné des deux côtés)</translation>
    </message>
    <message>
        <source>With the muscle chooser shown (other muscles under the point): move to its choices; arrows or Tab between them, Enter takes one, Esc keeps the muscle as it is</source>
        <translation>Le choix de muscles affiché (d&apos;autres muscles sous l&apos;endroit)&#xa0;: aller à ses choix; flèches ou Tab de l&apos;un à l&apos;autre, Entrée en prend un, Échap garde le muscle tel quel</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Échap</translation>
    </message>
    <message>
        <source>Clear the selection; close the muscle chooser or the search; in a field of the selected site (its notes), leave it for the chart, so that 0–3 grade the site again</source>
        <translation>Annuler la sélection; fermer le choix du muscle ou la recherche; dans un champ du point sélectionné (ses notes), le quitter pour le schéma, afin que 0–3 cotent de nouveau le point</translation>
    </message>
    <message>
        <source>Right-click / long press</source>
        <translation>Clic droit / appui long</translation>
    </message>
    <message>
        <source>Choose among the muscles under that point of the chart</source>
        <translation>Choisir parmi les muscles sous cet endroit du schéma</translation>
    </message>
    <message>
        <source>Mouse wheel</source>
        <translation>Molette de la souris</translation>
    </message>
    <message>
        <source>Zoom the chart under the pointer</source>
        <translation>Zoomer le schéma sous le pointeur</translation>
    </message>
    <message>
        <source>Two fingers</source>
        <translation>Deux doigts</translation>
    </message>
    <message>
        <source>Spread or pinch them to zoom the chart; move them together to pan</source>
        <translation>Les écarter ou les rapprocher pour zoomer le schéma; les déplacer ensemble pour le faire défiler</translation>
    </message>
    <message>
        <source>Keys: 0–3 grasp · C cramp · T twitch · E e-stim · Enter confirm planned · Tab/arrows next site · Del remove</source>
        <translation>Touches&#xa0;: 0–3 préhension · C crampe · T secousse (S) · E électrostim. (É) · Entrée confirmer un point prévu · Tab/flèches point suivant · Suppr retirer</translation>
    </message>
</context>
<context>
    <name>ChartLegend</name>
    <message>
        <source>Grasp, summed over the sessions shown</source>
        <translation>Préhension additionnée sur les séances affichées</translation>
    </message>
    <message>
        <source>more grasp →</source>
        <translation>préhension plus forte →</translation>
    </message>
    <message>
        <source>Grasp</source>
        <translation>Préhension</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Séances</translation>
    </message>
    <message>
        <source>Grasp:</source>
        <translation>Préhension&#xa0;:</translation>
    </message>
    <message>
        <source>Age:</source>
        <translation>Ancienneté&#xa0;:</translation>
    </message>
    <message>
        <source>today</source>
        <translation>aujourd&apos;hui</translation>
    </message>
    <message>
        <source>last time</source>
        <translation>dernière fois</translation>
    </message>
    <message>
        <source>older</source>
        <translation>plus ancienne</translation>
    </message>
</context>
<context>
    <name>ChartPainter</name>
    <message>
        <source>Patient&apos;s RIGHT</source>
        <translation>DROITE du patient</translation>
    </message>
    <message>
        <source>Patient&apos;s LEFT</source>
        <translation>GAUCHE du patient</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Layer:</source>
        <translation>Couche&#xa0;:</translation>
    </message>
    <message>
        <source>Body chart</source>
        <translation>Planche anatomique</translation>
    </message>
    <message>
        <source>Tap a muscle to record a site; Ctrl+F finds a muscle by name</source>
        <translation>Touchez un muscle pour noter un point; Ctrl+F trouve un muscle par son nom</translation>
    </message>
    <message>
        <source>Grasp:</source>
        <translation>Préhension&#xa0;:</translation>
    </message>
    <message>
        <source>Show the {layer} muscles (Ctrl+L switches layer)</source>
        <translation>Afficher les muscles de la couche {layer} (Ctrl+L change de couche)</translation>
    </message>
    <message numerus="yes">
        <source>%n site(s) of this session on the {chart} chart</source>
        <translation>
            <numerusform>%n point de cette séance sur le schéma «&#xa0;{chart}&#xa0;»</numerusform>
            <numerusform>%n points de cette séance sur le schéma «&#xa0;{chart}&#xa0;»</numerusform>
        </translation>
    </message>
    <message>
        <source>The muscles&apos; names are too small to read at this size: zoom in to see them.</source>
        <translation>Les noms des muscles sont trop petits pour être lus à cette taille : zoomez pour les voir.</translation>
    </message>
    <message>
        <source>Find a muscle (Ctrl+F)</source>
        <translation>Trouver un muscle (Ctrl+F)</translation>
    </message>
    <message>
        <source>Find a muscle by name</source>
        <translation>Trouver un muscle par son nom</translation>
    </message>
</context>
<context>
    <name>ChartPicture</name>
    <message>
        <source>No chart to show.</source>
        <translation>Aucun schéma à afficher.</translation>
    </message>
</context>
<context>
    <name>ChartPreview</name>
    <message>
        <source>{view} — {layer} layer — atlas {version}</source>
        <translation>{view} — couche {layer} — atlas {version}</translation>
    </message>
</context>
<context>
    <name>ChartScene</name>
    <message>
        <source>{roots} (mainly {root})</source>
        <translation>{roots} (surtout {root})</translation>
    </message>
    <message>
        <source>{root} (segmental)</source>
        <translation>{root} (segmentaire)</translation>
    </message>
    <message>
        <source>over the thorax: pneumothorax risk</source>
        <translation>sur le thorax&#xa0;: risque de pneumothorax</translation>
    </message>
    <message>
        <source>near the pleura: pneumothorax risk (caution)</source>
        <translation>près de la plèvre&#xa0;: risque de pneumothorax (prudence)</translation>
    </message>
    <message>
        <source>ungraded</source>
        <translation>non cotée</translation>
    </message>
    <message>
        <source>grasp {grade} ({label})</source>
        <translation>préhension {grade} ({label})</translation>
    </message>
    <message>
        <source>cramp</source>
        <translation>crampe</translation>
    </message>
    <message>
        <source>twitch</source>
        <translation>secousse</translation>
    </message>
    <message>
        <source>e-stim</source>
        <translation>électrostim.</translation>
    </message>
    <message>
        <source>ELECTRIC SENSATION: possible nerve contact</source>
        <translation>SENSATION ÉLECTRIQUE&#xa0;: contact nerveux possible</translation>
    </message>
    <message>
        <source>{site} – planned, not yet needled</source>
        <translation>{site} – prévu, pas encore puncturé</translation>
    </message>
    <message>
        <source>recorded on the {layer} layer</source>
        <translation>consigné sur la couche {layer}</translation>
    </message>
</context>
<context>
    <name>ChartTabStrip</name>
    <message>
        <source>Show the chart tab before</source>
        <translation>Afficher l&apos;onglet de schéma précédent</translation>
    </message>
    <message>
        <source>Show the chart tab after</source>
        <translation>Afficher l&apos;onglet de schéma suivant</translation>
    </message>
    <message numerus="yes">
        <source>+%n</source>
        <comment>chart tabs not shown (a button listing every chart)</comment>
        <translation>
            <numerusform>+%n</numerusform>
            <numerusform>+%n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <comment>chart tabs not shown (a button listing every chart)</comment>
        <translation>
            <numerusform>%n autre</numerusform>
            <numerusform>%n autres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every chart by name: %n not shown in the tabs</source>
        <translation>
            <numerusform>Tous les schémas par leur nom : %n non affiché dans les onglets</numerusform>
            <numerusform>Tous les schémas par leur nom : %n non affichés dans les onglets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChooserFlow</name>
    <message>
        <source>#{number} or:</source>
        <translation>n° {number} ou&#xa0;:</translation>
    </message>
    <message>
        <source>Beside the finger:</source>
        <translation>À côté du doigt&#xa0;:</translation>
    </message>
    <message>
        <source>No muscle right under the finger: choose one beside it.</source>
        <translation>Aucun muscle juste sous le doigt&#xa0;: choisissez-en un à côté.</translation>
    </message>
    <message>
        <source>No other muscle lies under site {number}.</source>
        <translation>Aucun autre muscle ne se trouve sous le point {number}.</translation>
    </message>
    <message>
        <source>#{number} is in:</source>
        <translation>Le n° {number} est dans&#xa0;:</translation>
    </message>
    <message>
        <source>{site}: placed inside the muscle, at its point nearest the finger&apos;s tap.</source>
        <translation>{site}&#xa0;: placé dans le muscle, à son point le plus proche du doigt.</translation>
    </message>
    <message>
        <source>No muscle there.</source>
        <translation>Aucun muscle à cet endroit.</translation>
    </message>
    <message>
        <source>Add a site in:</source>
        <translation>Ajouter un point dans&#xa0;:</translation>
    </message>
</context>
<context>
    <name>ClinicPage</name>
    <message>
        <source>Your clinic</source>
        <translation>Votre clinique</translation>
    </message>
    <message>
        <source>Its name heads every session note and report you print or save.</source>
        <translation>Son nom figure en tête de chaque note de séance et de chaque rapport que vous imprimez ou enregistrez.</translation>
    </message>
    <message>
        <source>Welcome to imsmap. Four short questions set up your clinic. You can change every answer later in File &gt; Clinic settings, or skip this now and come back with File &gt; Clinic set-up…</source>
        <translation>Bienvenue dans imsmap. Quatre courtes questions configurent votre clinique. Vous pourrez changer chaque réponse plus tard dans Fichier &gt; Paramètres de la clinique, ou passer cette étape et y revenir avec Fichier &gt; Configuration de la clinique…</translation>
    </message>
    <message>
        <source>Clinic name</source>
        <translation>Nom de la clinique</translation>
    </message>
    <message>
        <source>e.g. Riverside Physiotherapy</source>
        <translation>p. ex. Physiothérapie du Boisé</translation>
    </message>
    <message>
        <source>Clinic name:</source>
        <translation>Nom de la clinique&#xa0;:</translation>
    </message>
    <message>
        <source>The records are kept on this computer, in this file:
{path}</source>
        <translation>Les dossiers sont conservés sur cet ordinateur, dans ce fichier&#xa0;:
{path}</translation>
    </message>
    <message>
        <source>A new computer for a clinic that already uses imsmap? Bring its records back from the backups (on the USB drive, for example) instead of starting a new clinic.</source>
        <translation>Un nouvel ordinateur pour une clinique qui utilise déjà imsmap? Ramenez ses dossiers à partir des sauvegardes (sur la clé USB, par exemple) au lieu de créer une nouvelle clinique.</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>Restaurer une sauvegarde…</translation>
    </message>
</context>
<context>
    <name>ClinicSetupWizard</name>
    <message>
        <source>Set up your clinic</source>
        <translation>Configurer votre clinique</translation>
    </message>
    <message>
        <source>Clinic set-up</source>
        <translation>Configuration de la clinique</translation>
    </message>
    <message>
        <source>Skip for now</source>
        <translation>Passer pour l&apos;instant</translation>
    </message>
    <message>
        <source>kept as it is</source>
        <translation>conservé tel quel</translation>
    </message>
    <message>
        <source>none (the screen does not lock)</source>
        <translation>aucun (l&apos;écran ne se verrouille pas)</translation>
    </message>
    <message numerus="yes">
        <source>set; the screen locks after %n minute(s) without use</source>
        <translation>
            <numerusform>défini; l&apos;écran se verrouille après %n minute sans utilisation</numerusform>
            <numerusform>défini; l&apos;écran se verrouille après %n minutes sans utilisation</numerusform>
        </translation>
    </message>
    <message>
        <source>set; the screen locks when you press Ctrl+Shift+K</source>
        <translation>défini; l&apos;écran se verrouille quand vous appuyez sur Ctrl+Maj+K</translation>
    </message>
    <message>
        <source>{folder} (on the same disk as the records: lost with them if it fails)</source>
        <translation>{folder} (sur le même disque que les dossiers&#xa0;: perdues avec eux en cas de panne)</translation>
    </message>
    <message>
        <source>Clinic: {name}</source>
        <translation>Clinique&#xa0;: {name}</translation>
    </message>
    <message>
        <source>Practitioner: {name}, registration {number}</source>
        <translation>Praticien&#xa0;: {name}, numéro de permis {number}</translation>
    </message>
    <message>
        <source>Screen lock PIN: {pin}</source>
        <translation>NIP de verrouillage&#xa0;: {pin}</translation>
    </message>
    <message>
        <source>Backups: {folder}</source>
        <translation>Sauvegardes&#xa0;: {folder}</translation>
    </message>
    <message>
        <source>Records: on this computer, in {path}</source>
        <translation>Dossiers&#xa0;: sur cet ordinateur, dans {path}</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>{session}, pain {pain}</source>
        <translation>{session}, douleur {pain}</translation>
    </message>
    <message>
        <source>Resolved: grasped before, no grasp now</source>
        <translation>Résolu&#xa0;: préhension avant, aucune maintenant</translation>
    </message>
    <message>
        <source>Released in between, not needled since</source>
        <translation>Relâché entre les deux, non puncturé depuis</translation>
    </message>
    <message>
        <source>Grasp weaker</source>
        <translation>Préhension plus faible</translation>
    </message>
    <message>
        <source>Grasp stronger</source>
        <translation>Préhension plus forte</translation>
    </message>
    <message>
        <source>Graded in one session only</source>
        <translation>Coté dans une seule séance</translation>
    </message>
    <message>
        <source>New: needled only in the later session</source>
        <translation>Nouveau&#xa0;: puncturé seulement dans la séance la plus récente</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Inchangé</translation>
    </message>
    <message>
        <source>Not needled in the later session</source>
        <translation>Non puncturé dans la séance la plus récente</translation>
    </message>
    <message>
        <source>Recorded in error in the later session</source>
        <translation>Consigné par erreur dans la séance la plus récente</translation>
    </message>
    <message>
        <source>ungraded</source>
        <translation>non cotée</translation>
    </message>
    <message>
        <source>Earlier:</source>
        <translation>Antérieure&#xa0;:</translation>
    </message>
    <message>
        <source>Later:</source>
        <translation>Ultérieure&#xa0;:</translation>
    </message>
    <message>
        <source>Muscle</source>
        <translation>Muscle</translation>
    </message>
    <message>
        <source>Earlier</source>
        <translation>Antérieure</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Ultérieure</translation>
    </message>
    <message>
        <source>Chart:</source>
        <translation>Schéma&#xa0;:</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>Différences</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Côte à côte</translation>
    </message>
    <message>
        <source>Fewer than two signed visits chosen: there is nothing to compare. A draft is compared once it is signed.</source>
        <translation>Moins de deux visites signées choisies&#xa0;: il n&apos;y a rien à comparer. Un brouillon est comparé une fois signé.</translation>
    </message>
    <message>
        <source>One visit only: there is nothing to compare it with.</source>
        <translation>Une seule visite&#xa0;: il n&apos;y a rien à lui comparer.</translation>
    </message>
    <message>
        <source>The same visit is chosen twice: choose an earlier and a later visit.</source>
        <translation>La même visite est choisie deux fois&#xa0;: choisissez une visite antérieure et une visite ultérieure.</translation>
    </message>
    <message>
        <source>#{earlier} is after #{later}: choose the earlier visit under Earlier, the later under Later.</source>
        <translation>La visite #{earlier} est après la visite #{later}&#xa0;: choisissez la visite la plus ancienne sous Antérieure, la plus récente sous Ultérieure.</translation>
    </message>
    <message>
        <source>recorded in error</source>
        <comment>the later grade</comment>
        <translation>consigné par erreur</translation>
    </message>
    <message>
        <source>{grade} at #{visit}</source>
        <comment>the grade at the last visit that needled it</comment>
        <translation>{grade} à la visite #{visit}</translation>
    </message>
</context>
<context>
    <name>ConflictNotice</name>
    <message>
        <source>Your unsaved text</source>
        <translation>Votre texte non enregistré</translation>
    </message>
    <message>
        <source>Copy my text</source>
        <translation>Copier mon texte</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>What you typed is kept below: copy it into the field to use it.</source>
        <translation>Ce que vous avez tapé est conservé ci-dessous&#xa0;: copiez-le dans le champ pour l&apos;utiliser.</translation>
    </message>
    <message>
        <source>{login} has this session open in {room} now, so what you typed here was not saved.</source>
        <translation>{login} a maintenant cette séance ouverte dans {room}, donc ce que vous avez tapé ici n&apos;a pas été enregistré.</translation>
    </message>
    <message>
        <source>This session can no longer be edited here, so what you typed was not saved.</source>
        <translation>Cette séance ne peut plus être modifiée ici, donc ce que vous avez tapé n&apos;a pas été enregistré.</translation>
    </message>
</context>
<context>
    <name>Cover</name>
    <message>
        <source>Hidden by the privacy screen.
F12 or Ctrl+H shows it again.</source>
        <translation>Masqué par l&apos;écran de confidentialité.
F12 ou Ctrl+H l&apos;affiche de nouveau.</translation>
    </message>
    <message>
        <source>Privacy screen</source>
        <translation>Écran de confidentialité</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <source>Unexpected error</source>
        <translation>Erreur inattendue</translation>
    </message>
    <message>
        <source>imsmap ran into a bug. Everything you entered before this was saved.</source>
        <translation>imsmap a rencontré un bogue. Tout ce que vous avez saisi avant a été enregistré.</translation>
    </message>
    <message>
        <source>The details were written to this file:
{path}
Please send that file to your imsmap support. You can carry on working.</source>
        <translation>Les détails ont été écrits dans ce fichier&#xa0;:
{path}
Veuillez envoyer ce fichier à votre soutien imsmap. Vous pouvez continuer à travailler.</translation>
    </message>
    <message>
        <source>The details could not be written to the log folder. You can carry on working.</source>
        <translation>Les détails n&apos;ont pas pu être écrits dans le répertoire du journal. Vous pouvez continuer à travailler.</translation>
    </message>
</context>
<context>
    <name>DamagedDialog</name>
    <message>
        <source>&lt;b&gt;The database {name} is damaged and cannot be used safely.&lt;/b&gt;</source>
        <translation>&lt;b&gt;La base de données {name} est endommagée et ne peut pas être utilisée en toute sécurité.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The latest good backup is from {when} ({patients}, {sessions}). You can restore it; the damaged file is kept beside it under a new name, so nothing is deleted. Work entered after that backup is not in it.</source>
        <translation>La dernière bonne sauvegarde date du {when} ({patients}, {sessions}). Vous pouvez la restaurer; le fichier endommagé est conservé à côté sous un nouveau nom, donc rien n&apos;est supprimé. Le travail saisi après cette sauvegarde n&apos;y est pas.</translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s)</source>
        <translation>
            <numerusform>%n patient</numerusform>
            <numerusform>%n patients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n séance</numerusform>
            <numerusform>%n séances</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore backup…</source>
        <translation>Restaurer la sauvegarde…</translation>
    </message>
    <message>
        <source>No good backup was found in this folder:
{folder}
Keep the file as it is (do not delete it) and ask your imsmap support to look at it.</source>
        <translation>Aucune bonne sauvegarde n&apos;a été trouvée dans ce répertoire&#xa0;:
{folder}
Gardez le fichier tel quel (ne le supprimez pas) et demandez à votre soutien imsmap de l&apos;examiner.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>File: {path}
Problem: {problem}</source>
        <translation>Fichier&#xa0;: {path}
Problème&#xa0;: {problem}</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>dddd d MMMM yyyy, HH:mm</source>
        <comment>QLocale pattern of a long date and time</comment>
        <translation>dddd d MMMM yyyy, H&#xa0;&apos;h&apos;&#xa0;mm</translation>
    </message>
    <message>
        <source>d MMMM yyyy</source>
        <comment>QLocale pattern of a date</comment>
        <translation>d MMMM yyyy</translation>
    </message>
    <message>
        <source>HH:mm:ss</source>
        <comment>QLocale pattern of a time of day with its seconds</comment>
        <translation>HH&#xa0;&apos;h&apos;&#xa0;mm&#xa0;&apos;min&apos;&#xa0;ss&#xa0;&apos;s&apos;</translation>
    </message>
    <message>
        <source>HH:mm</source>
        <comment>QLocale pattern of a time of day</comment>
        <translation>HH&#xa0;&apos;h&apos;&#xa0;mm</translation>
    </message>
    <message>
        <source>dd MMM yyyy</source>
        <comment>QLocale pattern of a short date</comment>
        <translation>d MMM yyyy</translation>
    </message>
</context>
<context>
    <name>DeskWindow</name>
    <message>
        <source>{who} – reception</source>
        <translation>{who} – réception</translation>
    </message>
    <message>
        <source>{who} – clinic administration</source>
        <translation>{who} – administration de la clinique</translation>
    </message>
    <message>
        <source>Signed in for reception and the clinic&apos;s administration: patients&apos; details and the clinic&apos;s settings; sessions, charts and clinical notes are the practitioners&apos;, and the server keeps them from this login.</source>
        <translation>Connecté pour la réception et l&apos;administration de la clinique&#xa0;: coordonnées des patients et paramètres de la clinique; les séances, les schémas et les notes cliniques appartiennent aux praticiens, et le serveur les refuse à cet identifiant.</translation>
    </message>
    <message>
        <source>Signed in for reception: patients&apos; names and details only; sessions, charts and clinical notes are the practitioners&apos;, and the server keeps them from this login.</source>
        <translation>Connecté pour la réception&#xa0;: noms et coordonnées des patients seulement; les séances, les schémas et les notes cliniques appartiennent aux praticiens, et le serveur les refuse à cet identifiant.</translation>
    </message>
    <message>
        <source>Signed in as the clinic&apos;s administrator: the clinic&apos;s settings and its practitioners; patients&apos; records are the practitioners&apos;, and the server keeps them from this login.</source>
        <translation>Connecté comme administrateur de la clinique&#xa0;: paramètres de la clinique et ses praticiens; les dossiers des patients appartiennent aux praticiens, et le serveur les refuse à cet identifiant.</translation>
    </message>
    <message>
        <source>Patient&apos;s details</source>
        <translation>Coordonnées du patient</translation>
    </message>
    <message>
        <source>Chart number</source>
        <translation>N° de dossier</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Nom de famille</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <source>Edit details…</source>
        <translation>Modifier les coordonnées…</translation>
    </message>
    <message>
        <source>Patient {chart} created.</source>
        <translation>Patient {chart} créé.</translation>
    </message>
    <message>
        <source>Details of {chart} saved.</source>
        <translation>Coordonnées de {chart} enregistrées.</translation>
    </message>
    <message>
        <source>The clinic</source>
        <translation>La clinique</translation>
    </message>
    <message>
        <source>Clinic settings…</source>
        <translation>Paramètres de la clinique…</translation>
    </message>
    <message>
        <source>The clinic&apos;s name and logo, its practitioners with their registration numbers, needle presets, grasp labels, paper size</source>
        <translation>Le nom et le logo de la clinique, ses praticiens avec leur numéro de permis, les aiguilles prédéfinies, les libellés de préhension, le format du papier</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>aucun pour l&apos;instant</translation>
    </message>
    <message>
        <source>{clinic}. Practitioners: {names}.</source>
        <translation>{clinic}. Praticiens&#xa0;: {names}.</translation>
    </message>
    <message>
        <source>The clinic has no name yet</source>
        <translation>La clinique n&apos;a pas encore de nom</translation>
    </message>
    <message>
        <source>Clinic settings saved.</source>
        <translation>Paramètres de la clinique enregistrés.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;New patient…</source>
        <translation>&amp;Nouveau patient…</translation>
    </message>
    <message>
        <source>Clinic se&amp;ttings…</source>
        <translation>Paramètres de la &amp;clinique…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Act&amp;ualiser</translation>
    </message>
    <message>
        <source>&amp;Privacy screen</source>
        <translation>&amp;Écran de confidentialité</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Verrouiller maintenant</translation>
    </message>
    <message>
        <source>Scree&amp;n lock PIN…</source>
        <translation>&amp;NIP de verrouillage…</translation>
    </message>
    <message>
        <source>Connected to the clinic server again; what changed meanwhile has been read.</source>
        <translation>Reconnecté au serveur de la clinique; ce qui a changé entre-temps a été relu.</translation>
    </message>
    <message>
        <source>Refreshed from the database.</source>
        <translation>Actualisé depuis la base de données.</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Add {what}</source>
        <translation>Ajouter&#xa0;: {what}</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Remove selected {what}</source>
        <translation>Retirer la sélection&#xa0;: {what}</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Not saved yet</source>
        <translation>Pas encore enregistré</translation>
    </message>
    <message>
        <source>The last changes to this session could not be saved: {reason}</source>
        <translation>Les dernières modifications de cette séance n&apos;ont pas pu être enregistrées&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Close without them</source>
        <translation>Fermer sans elles</translation>
    </message>
</context>
<context>
    <name>FileWindowHolds</name>
    <message>
        <source>Drafts not marked</source>
        <translation>Brouillons non marqués</translation>
    </message>
    <message>
        <source>Amendment not added</source>
        <translation>Addenda non ajouté</translation>
    </message>
    <message>
        <source>imsmap ended while an amendment was being written: it was not added.</source>
        <translation>imsmap s&apos;est arrêté pendant la rédaction d&apos;un addenda&#xa0;: il n&apos;a pas été ajouté.</translation>
    </message>
    <message>
        <source>Nothing of what was typed in it was saved; the signed session is as it was. Open the session and add the amendment again.</source>
        <translation>Rien de ce qui y avait été tapé n&apos;a été enregistré; la séance signée est telle qu&apos;elle était. Ouvrez la séance et ajoutez l&apos;addenda de nouveau.</translation>
    </message>
    <message>
        <source>An amendment to a session no longer in these records, begun {since}</source>
        <translation>Un addenda à une séance qui n&apos;est plus dans ces dossiers, commencé le {since}</translation>
    </message>
    <message>
        <source>Chart {chart}, session of {started}: the amendment begun {since}</source>
        <translation>Dossier {chart}, séance du {started}&#xa0;: l&apos;addenda commencé le {since}</translation>
    </message>
    <message>
        <source>{login} has this session open in another imsmap window ({room}) now; it is read-only here.</source>
        <translation>{login} a maintenant cette séance ouverte dans une autre fenêtre d&apos;imsmap ({room}); elle est en lecture seule ici.</translation>
    </message>
    <message>
        <source>{login} no longer has this session open in another imsmap window ({room}); it can be edited here now.</source>
        <translation>{login} n&apos;a plus cette séance ouverte dans une autre fenêtre d&apos;imsmap ({room}); elle peut maintenant être modifiée ici.</translation>
    </message>
</context>
<context>
    <name>FindingSign</name>
    <message>
        <source>Muscle shortening / taut bands</source>
        <translation>Raccourcissement / bandes tendues</translation>
    </message>
    <message>
        <source>Restricted range of motion</source>
        <translation>Amplitude articulaire limitée</translation>
    </message>
    <message>
        <source>Tender motor points</source>
        <translation>Points moteurs sensibles</translation>
    </message>
    <message>
        <source>Tender paraspinals</source>
        <translation>Paravertébraux sensibles</translation>
    </message>
    <message>
        <source>Trophedema (matchstick test)</source>
        <translation>Trophœdème (test de l&apos;allumette)</translation>
    </message>
    <message>
        <source>Peau d&apos;orange on skin rolling</source>
        <translation>Peau d&apos;orange au palper-rouler</translation>
    </message>
    <message>
        <source>Local hair loss</source>
        <translation>Perte de poils localisée</translation>
    </message>
    <message>
        <source>Autonomic signs (cold, sweating, goosebumps)</source>
        <translation>Signes neurovégétatifs (froideur, sudation, chair de poule)</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>Clinic set-up skipped: File &gt; Clinic set-up… opens it again.</source>
        <translation>Configuration de la clinique passée&#xa0;: Fichier &gt; Configuration de la clinique… la rouvre.</translation>
    </message>
    <message>
        <source>{clinic} is set up. Choose New patient to begin.</source>
        <translation>{clinic} est configurée. Choisissez Nouveau patient pour commencer.</translation>
    </message>
</context>
<context>
    <name>GradeButtons</name>
    <message>
        <source>Cramp</source>
        <translation>Crampe</translation>
    </message>
    <message>
        <source>Twitch</source>
        <translation>Secousse</translation>
    </message>
    <message>
        <source>E-stim</source>
        <translation>Électrostim.</translation>
    </message>
    <message>
        <source>{name} (key {key})</source>
        <translation>{name} (touche {key})</translation>
    </message>
    <message>
        <source>Grasp {grade} {label}</source>
        <translation>Préhension {grade} {label}</translation>
    </message>
    <message>
        <source>Not graded</source>
        <translation>Non cotée</translation>
    </message>
    <message>
        <source>{grade} {label} (key {grade})</source>
        <translation>{grade} {label} (touche {grade})</translation>
    </message>
</context>
<context>
    <name>Grasp</name>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>mild</source>
        <translation>légère</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>modérée</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>forte</translation>
    </message>
    <message>
        <source>ungraded</source>
        <translation>non cotée</translation>
    </message>
</context>
<context>
    <name>HistoryBar</name>
    <message>
        <source>Last</source>
        <translation>Dernières</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>Picked</source>
        <translation>Choisies</translation>
    </message>
    <message>
        <source>Earlier sessions and visits</source>
        <translation>Séances antérieures et visites</translation>
    </message>
    <message>
        <source>Show or hide the earlier sessions&apos; choices, their legend and the visits row</source>
        <translation>Afficher ou masquer le choix des séances antérieures, leur légende et la barre des visites</translation>
    </message>
    <message>
        <source>Earlier sessions</source>
        <translation>Séances antérieures</translation>
    </message>
    <message>
        <source>Show earlier visits&apos; sites under today&apos;s (Ctrl+Shift+O)</source>
        <translation>Afficher les points des visites antérieures sous ceux d&apos;aujourd&apos;hui (Ctrl+Maj+O)</translation>
    </message>
    <message>
        <source>Which earlier sessions</source>
        <translation>Quelles séances antérieures</translation>
    </message>
    <message>
        <source>How many earlier sessions</source>
        <translation>Combien de séances antérieures</translation>
    </message>
    <message>
        <source>Sessions…</source>
        <translation>Séances…</translation>
    </message>
    <message>
        <source>Heat map</source>
        <translation>Carte thermique</translation>
    </message>
    <message>
        <source>Grasp summed over the earlier sessions shown (Ctrl+Shift+M)</source>
        <translation>Préhension additionnée sur les séances antérieures affichées (Ctrl+Maj+M)</translation>
    </message>
    <message>
        <source>draft, not signed</source>
        <translation>en brouillon, non signée</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier shown</source>
        <translation>
            <numerusform>%n affichée</numerusform>
            <numerusform>%n affichées</numerusform>
        </translation>
    </message>
    <message>
        <source>last time</source>
        <translation>dernière fois</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s) ago</source>
        <translation>
            <numerusform>il y a %n visite</numerusform>
            <numerusform>il y a %n visites</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s), not signed: not drawn</source>
        <translation>
            <numerusform>%n séance en brouillon, non signée&#xa0;: non affichée</numerusform>
            <numerusform>%n séances en brouillon, non signées&#xa0;: non affichées</numerusform>
        </translation>
    </message>
    <message>
        <source>A draft is drawn with the earlier visits once it is signed: until then it may still change, be withdrawn or be entered in error. Not signed: {sessions}.</source>
        <translation>Une séance en brouillon s&apos;affiche avec les visites antérieures une fois signée&#xa0;: d&apos;ici là, elle peut encore changer, être retirée ou être marquée consignée par erreur. Non signées&#xa0;: {sessions}.</translation>
    </message>
</context>
<context>
    <name>HistoryChart</name>
    <message>
        <source>Earlier sites</source>
        <translation>Points précédents</translation>
    </message>
    <message>
        <source>Heat map</source>
        <translation>Carte thermique</translation>
    </message>
    <message>
        <source>Older sessions count less in the heat map</source>
        <translation>Les séances plus anciennes comptent moins dans la carte thermique</translation>
    </message>
    <message>
        <source>Chart:</source>
        <translation>Schéma&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s), not signed: not drawn, not in the heat map</source>
        <translation>
            <numerusform>%n séance en brouillon, non signée&#xa0;: non affichée, hors de la carte thermique</numerusform>
            <numerusform>%n séances en brouillon, non signées&#xa0;: non affichées, hors de la carte thermique</numerusform>
        </translation>
    </message>
    <message>
        <source>A draft is drawn and summed with the earlier visits once it is signed: until then it may still change, be withdrawn or be entered in error. Today&apos;s sites are those of the draft open in this window. Not signed: {sessions}.</source>
        <translation>Une séance en brouillon s&apos;affiche et se cumule avec les visites antérieures une fois signée&#xa0;: d&apos;ici là, elle peut encore changer, être retirée ou être marquée consignée par erreur. Les points d&apos;aujourd&apos;hui sont ceux du brouillon ouvert dans cette fenêtre. Non signées&#xa0;: {sessions}.</translation>
    </message>
</context>
<context>
    <name>HistoryControl</name>
    <message>
        <source>{muscle}, left, is lit on the chart.</source>
        <translation>{muscle}, côté gauche, est éclairé sur le schéma.</translation>
    </message>
    <message>
        <source>{muscle}, right, is lit on the chart.</source>
        <translation>{muscle}, côté droit, est éclairé sur le schéma.</translation>
    </message>
    <message>
        <source>{muscle} is lit on the chart.</source>
        <translation>{muscle} est éclairé sur le schéma.</translation>
    </message>
</context>
<context>
    <name>HistoryOverlay</name>
    <message>
        <source>{muscle}, {side} – {grasp} at visit #{number}, {date}, needled on: {charts}</source>
        <translation>{muscle}, {side} – {grasp} à la visite #{number}, {date}, puncturé sur&#xa0;: {charts}</translation>
    </message>
</context>
<context>
    <name>HoldBanner</name>
    <message>
        <source>Whether this session can be edited here is not known yet: another room or program is busy with it on the clinic server. It can be read here meanwhile; imsmap asks again every second, and it can be edited here as soon as it is free.</source>
        <translation>On ne sait pas encore si cette séance peut être modifiée ici&#xa0;: une autre salle ou un autre programme s&apos;en occupe sur le serveur de la clinique. Elle peut être lue ici en attendant; imsmap redemande chaque seconde, et elle pourra être modifiée ici dès qu&apos;elle sera libre.</translation>
    </message>
    <message>
        <source>{login} has this session open in another imsmap window ({room}, since {since}); it can be read here, and edited once it is closed there.</source>
        <translation>{login} a cette séance ouverte dans une autre fenêtre d&apos;imsmap ({room}, depuis {since}); elle peut être lue ici, et modifiée une fois fermée là-bas.</translation>
    </message>
    <message>
        <source>{login} had this session open in {room} when the clinic server went away; it is kept for that room until {until}. It can be read here, and edited once it is free or taken over.</source>
        <translation>{login} avait cette séance ouverte dans {room} quand le serveur de la clinique est devenu inaccessible; elle est réservée à cette salle jusqu&apos;à {until}. Elle peut être lue ici, et modifiée une fois libérée ou reprise.</translation>
    </message>
    <message>
        <source>{login} has this session open in {room} (since {since}); it can be read here, and edited once it is free or taken over.</source>
        <translation>{login} a cette séance ouverte dans {room} (depuis {since}); elle peut être lue ici, et modifiée une fois libérée ou reprise.</translation>
    </message>
    <message>
        <source>Take over…</source>
        <translation>Reprendre…</translation>
    </message>
    <message>
        <source>Edit this session here; the other room can then only read it, and the record notes who took it over.</source>
        <translation>Modifier cette séance ici; l&apos;autre salle ne pourra alors que la lire, et le dossier note qui l&apos;a reprise.</translation>
    </message>
    <message>
        <source>This room&apos;s hold on the session is renewed: it is still edited here.</source>
        <translation>La séance est de nouveau tenue par cette salle&#xa0;: elle est toujours modifiée ici.</translation>
    </message>
    <message>
        <source>This room&apos;s hold on the session lapsed at {time} (another room or program has kept it busy on the clinic server for {seconds} s): another room may now open it for editing. imsmap keeps trying to renew it.</source>
        <translation>Cette salle ne tient plus la séance depuis {time} (une autre salle ou un autre programme l&apos;occupe sur le serveur de la clinique depuis {seconds} s)&#xa0;: une autre salle peut maintenant l&apos;ouvrir pour la modifier. imsmap continue d&apos;essayer de la tenir.</translation>
    </message>
    <message>
        <source>This room&apos;s hold on the session has not been renewed for {seconds} s: another room or program is busy with it on the clinic server. Unless it is renewed by {time}, another room may open it for editing.</source>
        <translation>Cette salle n&apos;a pas pu renouveler sa tenue de la séance depuis {seconds} s&#xa0;: une autre salle ou un autre programme s&apos;en occupe sur le serveur de la clinique. Si elle n&apos;est pas renouvelée d&apos;ici {time}, une autre salle pourra l&apos;ouvrir pour la modifier.</translation>
    </message>
    <message>
        <source>Take over this session</source>
        <translation>Reprendre cette séance</translation>
    </message>
    <message>
        <source>Take this session over from {login} in {room}? They will no longer be able to edit it, and the record notes that you took it over.</source>
        <translation>Reprendre cette séance de {login} dans {room}? Cette personne ne pourra plus la modifier, et le dossier note que vous l&apos;avez reprise.</translation>
    </message>
    <message>
        <source>Take over</source>
        <translation>Reprendre</translation>
    </message>
</context>
<context>
    <name>LanguageBox</name>
    <message>
        <source>Languages</source>
        <translation>Langues</translation>
    </message>
    <message>
        <source>Language of the window</source>
        <translation>Langue de la fenêtre</translation>
    </message>
    <message>
        <source>Follow the system ({language})</source>
        <translation>Suivre le système ({language})</translation>
    </message>
    <message>
        <source>Yours, on this computer; the window speaks it the next time imsmap starts</source>
        <translation>La vôtre, sur cet ordinateur; la fenêtre l&apos;utilise au prochain démarrage d&apos;imsmap</translation>
    </message>
    <message>
        <source>Window:</source>
        <translation>Fenêtre&#xa0;:</translation>
    </message>
    <message>
        <source>Language of the records</source>
        <translation>Langue des dossiers</translation>
    </message>
    <message>
        <source>The clinic&apos;s: the language of the session PDFs, progress reports and exports, whatever language each window speaks</source>
        <translation>Celle de la clinique&#xa0;: la langue des PDF de séance, des rapports d&apos;évolution et des exportations, quelle que soit la langue de chaque fenêtre</translation>
    </message>
    <message>
        <source>Records:</source>
        <translation>Dossiers&#xa0;:</translation>
    </message>
    <message>
        <source>A new window language applies the next time imsmap starts.</source>
        <translation>Une nouvelle langue de fenêtre s&apos;applique au prochain démarrage d&apos;imsmap.</translation>
    </message>
</context>
<context>
    <name>LayerWord</name>
    <message>
        <source>posterior wall</source>
        <translation>de la paroi postérieure</translation>
    </message>
</context>
<context>
    <name>LitMuscleKeys</name>
    <message>
        <source>L</source>
        <comment>left side, one letter</comment>
        <translation>G</translation>
    </message>
    <message>
        <source>R</source>
        <comment>right side, one letter</comment>
        <translation>D</translation>
    </message>
    <message>
        <source>M</source>
        <comment>midline, one letter</comment>
        <translation>M</translation>
    </message>
    <message>
        <source>Tap it or press Enter to add a site.</source>
        <translation>Touchez-le ou appuyez sur Entrée pour ajouter un point.</translation>
    </message>
    <message>
        <source>Tap it, or press {left} or {right} for the patient&apos;s side, to add a site.</source>
        <translation>Touchez-le, ou appuyez sur {left} ou {right} pour le côté du patient, pour ajouter un point.</translation>
    </message>
    <message>
        <source>Tap it at the level, or type the level after the name (L4), to add a site.</source>
        <translation>Touchez-le au niveau voulu, ou tapez le niveau après le nom (L4), pour ajouter un point.</translation>
    </message>
    <message>
        <source>Tap it to add a site.</source>
        <translation>Touchez-le pour ajouter un point.</translation>
    </message>
    <message>
        <source>{muscle} is not drawn on that side here: press {keys}.</source>
        <translation>{muscle} n&apos;est pas dessiné de ce côté ici&#xa0;: appuyez sur {keys}.</translation>
    </message>
    <message>
        <source>{muscle} is drawn on both sides: press {left} or {right} for the patient&apos;s side.</source>
        <translation>{muscle} est dessiné des deux côtés&#xa0;: appuyez sur {left} ou {right} pour le côté du patient.</translation>
    </message>
    <message>
        <source>{muscle} is drawn at several levels here: tap the level you needled, or type it after the name (Ctrl+F: {muscle} L4).</source>
        <translation>{muscle} est dessiné à plusieurs niveaux ici&#xa0;: touchez le niveau puncturé, ou tapez-le après le nom (Ctrl+F&#xa0;: {muscle} L4).</translation>
    </message>
</context>
<context>
    <name>LiveWindow</name>
    <message>
        <source>Changes made in other rooms do not arrive in this window: {reason}</source>
        <translation>Les modifications faites dans les autres salles n&apos;arrivent pas dans cette fenêtre&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{login} took this session over in {room}; it is read-only here now.</source>
        <translation>{login} a repris cette séance dans {room}; elle est maintenant en lecture seule ici.</translation>
    </message>
    <message>
        <source>This room&apos;s hold on this session ended with its connection to the clinic server (imsmap stopped answering, or the connection was lost), and {login} has opened it in {room} since; it is read-only here now. What was saved here before is kept.</source>
        <translation>Cette salle ne tient plus cette séance&#xa0;: elle l&apos;a perdue avec sa connexion au serveur de la clinique (imsmap ne répondait plus, ou la connexion a été perdue), et {login} l&apos;a ouverte depuis dans {room}; elle est maintenant en lecture seule ici. Ce qui avait été enregistré ici est conservé.</translation>
    </message>
    <message>
        <source>{login} no longer has this session open in {room}; it can be edited here now.</source>
        <translation>{login} n&apos;a plus cette séance ouverte dans {room}; elle peut maintenant être modifiée ici.</translation>
    </message>
    <message>
        <source>The connection to the clinic server was lost; changes from other rooms will arrive once it is back ({reason}).</source>
        <translation>La connexion au serveur de la clinique est perdue; les modifications des autres salles arriveront dès son retour ({reason}).</translation>
    </message>
    <message>
        <source>Connected to the clinic server again; what changed meanwhile has been read.</source>
        <translation>Reconnecté au serveur de la clinique; ce qui a changé entre-temps a été relu.</translation>
    </message>
</context>
<context>
    <name>LockCover</name>
    <message>
        <source>Locked</source>
        <translation>Verrouillé</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <source>Screen lock</source>
        <translation>Verrouillage de l&apos;écran</translation>
    </message>
    <message>
        <source>So that the next patient cannot read names while you are away from the screen.</source>
        <translation>Pour que le patient suivant ne puisse pas lire de noms pendant que vous êtes loin de l&apos;écran.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>NIP</translation>
    </message>
    <message>
        <source>Repeat the PIN</source>
        <translation>Répéter le NIP</translation>
    </message>
    <message>
        <source> minutes without use</source>
        <translation> minutes sans utilisation</translation>
    </message>
    <message>
        <source>only when I lock it (Ctrl+Shift+K)</source>
        <translation>seulement quand je le verrouille (Ctrl+Maj+K)</translation>
    </message>
    <message>
        <source>Lock after idle minutes</source>
        <translation>Verrouiller après des minutes d&apos;inactivité</translation>
    </message>
    <message>
        <source>A PIN is set already for {user}. To change it, use View &gt; Screen lock PIN… (it asks for the current PIN first).</source>
        <translation>Un NIP est déjà défini pour {user}. Pour le changer, utilisez Affichage &gt; NIP de verrouillage… (il demande d&apos;abord le NIP actuel).</translation>
    </message>
    <message>
        <source>With a PIN, imsmap hides the whole window after the minutes you choose, or when you press Ctrl+Shift+K, until the PIN is typed again. A PIN is {min} to {max} digits; it is yours, for the name you log in with on this computer ({user}). Leave it empty for no lock: you can set one later in View &gt; Screen lock PIN…</source>
        <translation>Avec un NIP, imsmap cache toute la fenêtre après le nombre de minutes choisi, ou quand vous appuyez sur Ctrl+Maj+K, jusqu&apos;à ce que le NIP soit tapé de nouveau. Un NIP compte de {min} à {max} chiffres; il est à vous, pour le nom avec lequel vous ouvrez une session sur cet ordinateur ({user}). Laissez-le vide pour ne pas verrouiller&#xa0;: vous pourrez en définir un plus tard dans Affichage &gt; NIP de verrouillage…</translation>
    </message>
    <message>
        <source>PIN (optional):</source>
        <translation>NIP (facultatif)&#xa0;:</translation>
    </message>
    <message>
        <source>Repeat the PIN:</source>
        <translation>Répéter le NIP&#xa0;:</translation>
    </message>
    <message>
        <source>Lock after:</source>
        <translation>Verrouiller après&#xa0;:</translation>
    </message>
    <message>
        <source> minute without use</source>
        <translation> minute sans utilisation</translation>
    </message>
    <message>
        <source>The two PINs differ: type the same PIN twice.</source>
        <translation>Les deux NIP diffèrent&#xa0;: tapez le même NIP deux fois.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>imsmap is locked</source>
        <translation>imsmap est verrouillé</translation>
    </message>
    <message>
        <source>Enter your PIN to continue.</source>
        <translation>Entrez votre NIP pour continuer.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>NIP</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <source>That PIN is not right. Try again.</source>
        <translation>Ce NIP n&apos;est pas le bon. Réessayez.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Read-only: nothing can be changed</source>
        <translation>Lecture seule&#xa0;: rien ne peut être modifié</translation>
    </message>
    <message>
        <source>{path} is open read-only (the file or its folder cannot be written).</source>
        <translation>{path} est ouvert en lecture seule (le fichier ou son répertoire ne peut pas être modifié).</translation>
    </message>
    <message>
        <source>Choose a patient to see their progress.</source>
        <translation>Choisissez un patient pour voir son évolution.</translation>
    </message>
    <message>
        <source>This session&apos;s last changes could not be saved yet, so it stays open. Try again in a moment.</source>
        <translation>Les dernières modifications de cette séance n&apos;ont pas encore pu être enregistrées, elle reste donc ouverte. Réessayez dans un moment.</translation>
    </message>
    <message numerus="yes">
        <source>{root}: %n muscle(s) and the {root} paraspinal level are lit on the chart.</source>
        <translation>
            <numerusform>{root}&#xa0;: %n muscle et le niveau paravertébral {root} sont éclairés sur le schéma.</numerusform>
            <numerusform>{root}&#xa0;: %n muscles et le niveau paravertébral {root} sont éclairés sur le schéma.</numerusform>
        </translation>
    </message>
    <message>
        <source>{login} in another imsmap window</source>
        <translation>{login} dans une autre fenêtre d&apos;imsmap</translation>
    </message>
    <message>
        <source>{login} in {room}</source>
        <translation>{login} dans {room}</translation>
    </message>
    <message>
        <source>Session signed and locked.</source>
        <translation>Séance signée et verrouillée.</translation>
    </message>
    <message>
        <source>{login} signed this session on {when}; it is locked now.</source>
        <translation>{login} a signé cette séance le {when}; elle est maintenant verrouillée.</translation>
    </message>
    <message>
        <source>{login} withdrew this draft on {when}; it is locked now.</source>
        <translation>{login} a retiré ce brouillon le {when}; il est maintenant verrouillé.</translation>
    </message>
    <message>
        <source>Refreshed from the database.</source>
        <translation>Actualisé à partir de la base de données.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge duplicate record</source>
        <translation>Fusionner un dossier en double</translation>
    </message>
    <message>
        <source>One person registered twice splits their history over two records. Choose the record to keep and the duplicate to merge into it.</source>
        <translation>Une personne inscrite deux fois a son historique partagé entre deux dossiers. Choisissez le dossier à conserver et le doublon à y fusionner.</translation>
    </message>
    <message>
        <source>Record to keep</source>
        <translation>Dossier à conserver</translation>
    </message>
    <message>
        <source>Duplicate to merge into it</source>
        <translation>Doublon à y fusionner</translation>
    </message>
    <message>
        <source>S&amp;wap</source>
        <translation>&amp;Permuter</translation>
    </message>
    <message>
        <source>Keep the other record instead</source>
        <translation>Conserver plutôt l&apos;autre dossier</translation>
    </message>
    <message>
        <source>e.g. Same person: date of birth typed wrong, Jon for John</source>
        <translation>p. ex. Même personne&#xa0;: date de naissance mal saisie, Jon pour John</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Raison&#xa0;:</translation>
    </message>
    <message>
        <source>Merge records</source>
        <translation>Fusionner les dossiers</translation>
    </message>
    <message>
        <source>Choose two different records.</source>
        <translation>Choisissez deux dossiers différents.</translation>
    </message>
    <message>
        <source>&lt;b&gt;What happens:&lt;/b&gt; the sessions of &lt;b&gt;{dup}&lt;/b&gt; ({nd}) are read with those of &lt;b&gt;{kept}&lt;/b&gt; ({nk}) as one history ({total}): the history list, earlier-visit overlay, heat map, visits bar, Progress, segments trend, progress report and exports. Nothing of either record is rewritten: every session keeps the record it was signed under and its signature, and names that record and this merge when it is opened or printed. Finding {dup} opens {kept}; no new session is started on {dup}. The merge is recorded with your login (&lt;b&gt;{login}&lt;/b&gt;), the time and the reason, in the audit trail.&lt;br&gt;A wrong merge is ended with Patient &amp;gt; Separate records…: both records then read as before.</source>
        <translation>&lt;b&gt;Ce qui se passe&#xa0;:&lt;/b&gt; les séances de &lt;b&gt;{dup}&lt;/b&gt; ({nd}) sont lues avec celles de &lt;b&gt;{kept}&lt;/b&gt; ({nk}) comme un seul historique ({total})&#xa0;: la liste des séances, la superposition des séances antérieures, la carte thermique, la barre des visites, le Suivi, l&apos;évolution par segment, le rapport d&apos;évolution et les exports. Rien de l&apos;un ou l&apos;autre dossier n&apos;est réécrit&#xa0;: chaque séance garde le dossier sous lequel elle a été signée et sa signature, et nomme ce dossier et cette fusion quand elle est ouverte ou imprimée. Chercher {dup} ouvre {kept}; aucune nouvelle séance n&apos;est commencée dans {dup}. La fusion est consignée avec votre nom d&apos;utilisateur (&lt;b&gt;{login}&lt;/b&gt;), l&apos;heure et la raison, dans la piste de vérification.&lt;br&gt;Une fusion erronée se défait par Patient &amp;gt; Séparer des dossiers…&#xa0;: les deux dossiers se lisent alors comme avant.</translation>
    </message>
    <message numerus="yes">
        <source>%n other record(s) merged into it already</source>
        <translation>
            <numerusform>%n autre dossier y est déjà fusionné</numerusform>
            <numerusform>%n autres dossiers y sont déjà fusionnés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>it holds %n signed session(s)</source>
        <translation>
            <numerusform>il contient %n séance signée</numerusform>
            <numerusform>il contient %n séances signées</numerusform>
        </translation>
    </message>
    <message>
        <source>, {other} only {count}</source>
        <translation>, {other} seulement {count}</translation>
    </message>
    <message numerus="yes">
        <source>it holds %n session(s)</source>
        <translation>
            <numerusform>il contient %n séance</numerusform>
            <numerusform>il contient %n séances</numerusform>
        </translation>
    </message>
    <message>
        <source>it was registered first, on {date}</source>
        <translation>il a été ouvert en premier, le {date}</translation>
    </message>
    <message>
        <source>it was registered first</source>
        <translation>il a été ouvert en premier</translation>
    </message>
    <message>
        <source>{kept} is kept: {why}.</source>
        <translation>{kept} est conservé&#xa0;: {why}.</translation>
    </message>
    <message>
        <source>{kept} is kept as you chose; the usual choice is {other}: {why}.</source>
        <translation>{kept} est conservé selon votre choix; le choix habituel est {other}&#xa0;: {why}.</translation>
    </message>
    <message>
        <source>A draft of {who} ({when}) is open in this window: sign it or open another patient, then merge. Nothing was changed.</source>
        <translation>Un brouillon de {who} ({when}) est ouvert dans cette fenêtre&#xa0;: signez-le ou ouvrez un autre patient, puis fusionnez. Rien n&apos;a été modifié.</translation>
    </message>
</context>
<context>
    <name>MuscleSearch</name>
    <message>
        <source>{muscle} – not on a chart</source>
        <translation>{muscle} – absent des schémas</translation>
    </message>
    <message>
        <source>{muscle} is not drawn on any chart.</source>
        <translation>{muscle} n&apos;est dessiné sur aucun schéma.</translation>
    </message>
    <message>
        <source>{muscle}: lit on the {view} chart, {layer} layer.</source>
        <translation>{muscle}&#xa0;: éclairé sur le schéma «&#xa0;{view}&#xa0;», couche {layer}.</translation>
    </message>
</context>
<context>
    <name>MuscleSearchBox</name>
    <message>
        <source>Find a muscle…</source>
        <translation>Trouver un muscle…</translation>
    </message>
</context>
<context>
    <name>NeedleFields</name>
    <message>
        <source>The clinic&apos;s needles (Settings); or type diameter and length</source>
        <translation>Les aiguilles de la clinique (Paramètres); ou tapez le diamètre et la longueur</translation>
    </message>
    <message>
        <source>Needle</source>
        <translation>Aiguille</translation>
    </message>
    <message>
        <source>Needle diameter in millimetres (0.12-0.50)</source>
        <translation>Diamètre de l&apos;aiguille en millimètres (0,12-0,50)</translation>
    </message>
    <message>
        <source>Needle diameter, millimetres</source>
        <translation>Diamètre de l&apos;aiguille, millimètres</translation>
    </message>
    <message>
        <source>Needle length in millimetres (7-150)</source>
        <translation>Longueur de l&apos;aiguille en millimètres (7-150)</translation>
    </message>
    <message>
        <source>Needle length, millimetres</source>
        <translation>Longueur de l&apos;aiguille, millimètres</translation>
    </message>
    <message>
        <source>Depth reached, millimetres</source>
        <translation>Profondeur atteinte, millimètres</translation>
    </message>
    <message>
        <source>Depth reached, in millimetres (optional)</source>
        <translation>Profondeur atteinte, en millimètres (facultatif)</translation>
    </message>
    <message>
        <source>other</source>
        <translation>autre</translation>
    </message>
</context>
<context>
    <name>NoPinNote</name>
    <message>
        <source>No PIN is set, so anyone can lift this privacy screen (F12). This file is open read-only, so no PIN can be set here.</source>
        <translation>Aucun NIP n&apos;est défini&#xa0;: n&apos;importe qui peut donc lever cet écran de confidentialité (F12). Ce fichier est ouvert en lecture seule&#xa0;: aucun NIP ne peut y être défini.</translation>
    </message>
    <message>
        <source>No PIN is set, so anyone can lift this privacy screen (F12). To lock with a PIN: {path}</source>
        <translation>Aucun NIP n&apos;est défini&#xa0;: n&apos;importe qui peut donc lever cet écran de confidentialité (F12). Pour verrouiller avec un NIP&#xa0;: {path}</translation>
    </message>
</context>
<context>
    <name>OverlayLegend</name>
    <message>
        <source>Each age&apos;s marker is drawn as for a strong grasp; the older the visit, the paler its sites.</source>
        <translation>Le repère de chaque âge est dessiné comme pour une préhension forte; plus la visite est ancienne, plus ses points sont pâles.</translation>
    </message>
    <message>
        <source>{marker}: {words}</source>
        <translation>{marker} : {words}</translation>
    </message>
    <message>
        <source>Earlier sites:</source>
        <translation>Points précédents&#xa0;:</translation>
    </message>
    <message>
        <source>needled on another chart</source>
        <translation>puncturé sur un autre schéma</translation>
    </message>
    <message>
        <source>Heat map: no earlier visit to sum</source>
        <translation>Carte thermique&#xa0;: aucune visite antérieure à additionner</translation>
    </message>
    <message>
        <source>Heat map: grasp summed over those visits</source>
        <translation>Carte thermique&#xa0;: préhension additionnée sur ces visites</translation>
    </message>
</context>
<context>
    <name>PainBox</name>
    <message>
        <source>not recorded</source>
        <translation>non consignée</translation>
    </message>
</context>
<context>
    <name>PainPlot</name>
    <message>
        <source>No sessions to show.</source>
        <translation>Aucune séance à afficher.</translation>
    </message>
    <message>
        <source>Pain (0–10)</source>
        <translation>Douleur (0–10)</translation>
    </message>
    <message>
        <source>before</source>
        <translation>avant</translation>
    </message>
    <message>
        <source>after</source>
        <translation>après</translation>
    </message>
    <message>
        <source>draft, not signed: hollow, not joined</source>
        <translation>brouillon non signé&#xa0;: creux, non relié</translation>
    </message>
    <message>
        <source>sites</source>
        <translation>points</translation>
    </message>
    <message>
        <source>muscles grasping</source>
        <translation>muscles en préhension</translation>
    </message>
    <message>
        <source>{grasping} (–: needled, not graded)</source>
        <translation>{grasping} (–&#xa0;: puncturé, non coté)</translation>
    </message>
    <message>
        <source>grasp burden (sum of grades)</source>
        <translation>charge de préhension (somme des cotes)</translation>
    </message>
    <message>
        <source>draft</source>
        <comment>a visit not signed, under its date</comment>
        <translation>brouillon</translation>
    </message>
    <message numerus="yes">
        <source>{date}: pain {before} → {after}, %n muscle(s) needled, not graded, {sites} sites</source>
        <translation>
            <numerusform>{date}&#xa0;: douleur {before} → {after}, %n muscle puncturé, non coté, {sites} points</numerusform>
            <numerusform>{date}&#xa0;: douleur {before} → {after}, %n muscles puncturés, non cotés, {sites} points</numerusform>
        </translation>
    </message>
    <message>
        <source>{line}, grasp burden {burden}</source>
        <translation>{line}, charge de préhension {burden}</translation>
    </message>
    <message>
        <source>{line} (draft, not signed: not compared)</source>
        <translation>{line} (brouillon non signé&#xa0;: non comparé)</translation>
    </message>
    <message numerus="yes">
        <source>{date}: pain {before} → {after}, {grasping} of %n muscle(s) grasping, {sites} sites</source>
        <translation>
            <numerusform>{date}&#xa0;: douleur {before} → {after}, {grasping} sur %n muscle en préhension, {sites} points</numerusform>
            <numerusform>{date}&#xa0;: douleur {before} → {after}, {grasping} sur %n muscles en préhension, {sites} points</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PatientDialog</name>
    <message>
        <source>New patient</source>
        <translation>Nouveau patient</translation>
    </message>
    <message>
        <source>Patient&apos;s details</source>
        <translation>Coordonnées du patient</translation>
    </message>
    <message>
        <source>the clinic&apos;s chart or file number</source>
        <translation>le numéro de dossier de la clinique</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>Chart number *</source>
        <translation>N° de dossier *</translation>
    </message>
    <message>
        <source>Family name *</source>
        <translation>Nom de famille *</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>The notes</source>
        <translation>Les notes</translation>
    </message>
    <message>
        <source>Already a patient with this name and date of birth: {who}. If this is the same person, press Cancel and choose them in the list (a second record can be merged later with Patient &gt; Merge duplicate record…). Press Save again to create another patient.</source>
        <translation>Un patient a déjà ce nom et cette date de naissance&#xa0;: {who}. S&apos;il s&apos;agit de la même personne, appuyez sur Annuler et choisissez-la dans la liste (un second dossier pourra être fusionné plus tard par Patient &gt; Fusionner un dossier en double…). Appuyez de nouveau sur Enregistrer pour créer un autre patient.</translation>
    </message>
</context>
<context>
    <name>PatientMerging</name>
    <message numerus="yes">
        <source>{dup} merged into {kept}: one history of %n session(s), nothing rewritten.</source>
        <translation>
            <numerusform>{dup} fusionné dans {kept}&#xa0;: un seul historique de %n séance, rien de réécrit.</numerusform>
            <numerusform>{dup} fusionné dans {kept}&#xa0;: un seul historique de %n séances, rien de réécrit.</numerusform>
        </translation>
    </message>
    <message>
        <source>No record is merged into this one, so there is nothing to separate.</source>
        <translation>Aucun dossier n&apos;est fusionné dans celui-ci&#xa0;: il n&apos;y a rien à séparer.</translation>
    </message>
    <message>
        <source>{dup} and {kept} separated: each reads its own sessions again.</source>
        <translation>{dup} et {kept} séparés&#xa0;: chacun lit de nouveau ses propres séances.</translation>
    </message>
    <message>
        <source>{dup} was merged into {kept} by {by} on {when}; that record is open.</source>
        <translation>{dup} a été fusionné dans {kept} par {by} le {when}; ce dossier est ouvert.</translation>
    </message>
    <message>
        <source>Recorded under {under}. That record was merged into {kept} by {by} on {when}: {reason}</source>
        <translation>Consignée sous {under}. Ce dossier a été fusionné dans {kept} par {by} le {when}&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>PatientPanel</name>
    <message>
        <source>Patient hidden (privacy screen: F12 or Ctrl+H shows it)</source>
        <translation>Patient masqué (écran de confidentialité&#xa0;: F12 ou Ctrl+H l&apos;affiche)</translation>
    </message>
    <message>
        <source>{name} · {chart}, born {date}</source>
        <comment>a woman</comment>
        <translation>{name} · {chart}, née le {date}</translation>
    </message>
    <message>
        <source>{name} · {chart}, born {date}</source>
        <comment>a man</comment>
        <translation>{name} · {chart}, né le {date}</translation>
    </message>
    <message>
        <source>{name} · {chart}, born {date}</source>
        <translation>{name} · {chart}, né(e) le {date}</translation>
    </message>
    <message>
        <source>Find: chart number or name</source>
        <translation>Chercher&#xa0;: n° de dossier ou nom</translation>
    </message>
    <message>
        <source>Find a patient by chart number or name</source>
        <translation>Trouver un patient par n° de dossier ou nom</translation>
    </message>
    <message>
        <source>New patient…</source>
        <translation>Nouveau patient…</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Séances</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Pain</source>
        <translation>Douleur</translation>
    </message>
    <message>
        <source>amended</source>
        <translation>avec addenda</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>Nouvelle séance</translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) found</source>
        <translation>
            <numerusform>%n patient trouvé</numerusform>
            <numerusform>%n patients trouvés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s)</source>
        <translation>
            <numerusform>%n patient</numerusform>
            <numerusform>%n patients</numerusform>
        </translation>
    </message>
    <message>
        <source>{who} was merged into {kept}: choosing it opens that record</source>
        <translation>{who} a été fusionné dans {kept}&#xa0;: le choisir ouvre ce dossier</translation>
    </message>
    <message>
        <source>Not searched</source>
        <translation>Recherche non faite</translation>
    </message>
    <message>
        <source>The search could not run; the list is the one found by the search before.</source>
        <translation>La recherche n&apos;a pas pu se faire; la liste est celle de la recherche précédente.</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>retiré</translation>
    </message>
    <message>
        <source>in error</source>
        <translation>par erreur</translation>
    </message>
    <message>
        <source>Withdrawn {when} by {who}: {reason}</source>
        <translation>Retiré le {when} par {who}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Entered in error {when} by {who}: {reason}</source>
        <translation>Consignée par erreur le {when} par {who}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Kept for the record, readable; counted in no figure.</source>
        <translation>Conservée au dossier, lisible; comptée dans aucun chiffre.</translation>
    </message>
    <message>
        <source>Recorded under {who}, merged into this record by {by} on {when}: {reason}</source>
        <translation>Consignée sous {who}, fusionné dans ce dossier par {by} le {when}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Sessions (blue: {charts})</source>
        <translation>Séances (en bleu&#xa0;: {charts})</translation>
    </message>
    <message>
        <source>In blue: sessions recorded under {who}, merged into this record</source>
        <translation>En bleu&#xa0;: séances consignées sous {who}, fusionné dans ce dossier</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Patients</translation>
    </message>
    <message numerus="yes">
        <source>%n amendment(s), shown after the signed note</source>
        <translation>
            <numerusform>%n addenda, présenté après la note signée</numerusform>
            <numerusform>%n addenda, présentés après la note signée</numerusform>
        </translation>
    </message>
    <message>
        <source>signed</source>
        <translation>signée</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>brouillon</translation>
    </message>
    <message>
        <source>Signed {when} by {who}</source>
        <translation>Signée le {when} par {who}</translation>
    </message>
    <message>
        <source>Draft: edits are saved as you go</source>
        <translation>Brouillon&#xa0;: les modifications sont enregistrées au fur et à mesure</translation>
    </message>
</context>
<context>
    <name>PendingSave</name>
    <message>
        <source>Not saved yet: another room or program is writing on the clinic server; imsmap keeps trying.</source>
        <translation>Pas encore enregistré&#xa0;: une autre salle ou un autre programme enregistre sur le serveur de la clinique; imsmap réessaie.</translation>
    </message>
</context>
<context>
    <name>PhotoAmendDialog</name>
    <message>
        <source>Photo {number} added: {caption}.</source>
        <translation>Photo {number} ajoutée&#xa0;: {caption}.</translation>
    </message>
    <message>
        <source>Photo {number} added.</source>
        <translation>Photo {number} ajoutée.</translation>
    </message>
    <message>
        <source>Added after signing, by amendment</source>
        <translation>Ajoutée après la signature, par addenda</translation>
    </message>
    <message>
        <source>Added after signing, by the amendment of {when} by {who}: {reason}</source>
        <translation>Ajoutée après la signature, par l&apos;addenda du {when} de {who}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Add photo to a signed session</source>
        <translation>Ajouter une photo à une séance signée</translation>
    </message>
    <message>
        <source>Session of {when}, signed by {who} on {signed}, is locked. The photo is added to it by an amendment, with today&apos;s date and your name; the signed note and its photos stay as they were signed. Once added, the photo and the amendment cannot be changed or taken off.</source>
        <translation>La séance du {when}, signée par {who} le {signed}, est verrouillée. La photo y est ajoutée par un addenda, à la date d&apos;aujourd&apos;hui et à votre nom; la note signée et ses photos restent telles qu&apos;elles ont été signées. Une fois ajoutés, la photo et l&apos;addenda ne peuvent être ni modifiés ni retirés.</translation>
    </message>
    <message>
        <source>e.g. Bruise at site 3 the next morning</source>
        <translation>p. ex. Ecchymose au point 3 le lendemain matin</translation>
    </message>
    <message>
        <source>Reason for the amendment</source>
        <translation>Motif de l&apos;addenda</translation>
    </message>
    <message>
        <source>e.g. bruise 2 cm below the L5 insertion, day 2</source>
        <translation>p. ex. ecchymose 2 cm sous l&apos;insertion L5, jour 2</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Légende</translation>
    </message>
    <message>
        <source>Photo:</source>
        <translation>Photo&#xa0;:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Motif&#xa0;:</translation>
    </message>
    <message>
        <source>Caption:</source>
        <translation>Légende&#xa0;:</translation>
    </message>
    <message>
        <source>Add photo by amendment</source>
        <translation>Ajouter la photo par addenda</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <source>Photo {number}</source>
        <translation>Photo {number}</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>Add photo…</source>
        <translation>Ajouter une photo…</translation>
    </message>
    <message>
        <source>Attach a photo ({formats}); you can also drop photo files on this strip</source>
        <translation>Joindre une photo ({formats}); vous pouvez aussi déposer des fichiers photo sur cette bande</translation>
    </message>
    <message>
        <source>JPEG, PNG, WebP, TIFF, BMP or GIF</source>
        <translation>JPEG, PNG, WebP, TIFF, BMP ou GIF</translation>
    </message>
    <message>
        <source>Session photos</source>
        <translation>Photos de la séance</translation>
    </message>
    <message>
        <source>Photo {number} (hidden)</source>
        <translation>Photo {number} (masquée)</translation>
    </message>
    <message>
        <source>Hidden by the privacy screen (F12 or Ctrl+H)</source>
        <translation>Masquée par l&apos;écran de confidentialité (F12 ou Ctrl+H)</translation>
    </message>
    <message>
        <source>site {number}</source>
        <translation>point {number}</translation>
    </message>
    <message>
        <source>{title}
{width} x {height} {kind}, {size} KB · double-click to open</source>
        <translation>{title}
{width} x {height} {kind}, {size} ko · double-cliquer pour ouvrir</translation>
    </message>
    <message>
        <source>Add a photo to this signed session by an amendment: its reason is asked, and it is dated today in your name</source>
        <translation>Ajouter une photo à cette séance signée par un addenda&#xa0;: son motif est demandé, et il est daté d&apos;aujourd&apos;hui à votre nom</translation>
    </message>
    <message>
        <source>open a session to attach photos</source>
        <translation>ouvrez une séance pour joindre des photos</translation>
    </message>
    <message>
        <source>locked with the signed session</source>
        <translation>verrouillées avec la séance signée</translation>
    </message>
    <message>
        <source>locked: this draft was withdrawn</source>
        <translation>verrouillées&#xa0;: ce brouillon a été retiré</translation>
    </message>
    <message>
        <source>the database is read-only</source>
        <translation>la base de données est en lecture seule</translation>
    </message>
    <message>
        <source>locked: its signature was taken away outside imsmap</source>
        <translation>verrouillées&#xa0;: sa signature a été retirée hors d&apos;imsmap</translation>
    </message>
    <message>
        <source>locked while another room holds this session</source>
        <translation>verrouillées tant qu&apos;une autre salle tient cette séance</translation>
    </message>
    <message>
        <source>drop photo files here</source>
        <translation>déposez des fichiers photo ici</translation>
    </message>
    <message>
        <source>Photos are stored upright, without GPS position, device serials or other camera data, at most 2048 px on their long side.</source>
        <translation>Les photos sont conservées à l&apos;endroit, sans position GPS, numéro de série d&apos;appareil ni autres données de l&apos;appareil photo, au plus 2048 px sur leur grand côté.</translation>
    </message>
    <message>
        <source>This draft was withdrawn: it is locked and kept for the record, so nothing was added.</source>
        <translation>Ce brouillon a été retiré&#xa0;: il est verrouillé et conservé au dossier, rien n&apos;a donc été ajouté.</translation>
    </message>
    <message>
        <source>The database is open read-only: no photo can be added here.</source>
        <translation>La base de données est ouverte en lecture seule&#xa0;: aucune photo ne peut être ajoutée ici.</translation>
    </message>
    <message>
        <source>This draft was signed before and its signature was taken away outside imsmap: it is locked, so nothing was added. Run imsmap check.</source>
        <translation>Ce brouillon a déjà été signé et sa signature a été retirée hors d&apos;imsmap&#xa0;: il est verrouillé, donc rien n&apos;a été ajouté. Lancez imsmap check.</translation>
    </message>
    <message>
        <source>This session is a draft: attach the photo to it directly.</source>
        <translation>Cette séance est un brouillon&#xa0;: joignez-y la photo directement.</translation>
    </message>
    <message>
        <source>This session is marked entered in error: it belongs to no one&apos;s treatment here and takes no photo, so nothing was added.</source>
        <translation>Cette séance est marquée consignée par erreur&#xa0;: elle n&apos;appartient au traitement de personne ici et ne reçoit aucune photo; rien n&apos;a donc été ajouté.</translation>
    </message>
    <message>
        <source>Add a photo by amendment</source>
        <translation>Ajouter une photo par addenda</translation>
    </message>
    <message>
        <source>Attach photos</source>
        <translation>Joindre des photos</translation>
    </message>
    <message>
        <source>Photos ({patterns});;All files (*)</source>
        <translation>Photos ({patterns});;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>none; adding one makes an amendment</source>
        <translation>aucune; tout ajout se fait par addenda</translation>
    </message>
    <message>
        <source>This session is signed: its photos are locked with it, and a photo is added to it only by an amendment, with its reason.</source>
        <translation>Cette séance est signée&#xa0;: ses photos sont verrouillées avec elle, et une photo n&apos;y est ajoutée que par un addenda, avec son motif.</translation>
    </message>
    <message>
        <source>A signed session takes one photo at a time, each by an amendment with its reason: drop or choose one photo, and nothing was added.</source>
        <translation>Une séance signée reçoit une photo à la fois, chacune par un addenda avec son motif&#xa0;: déposez ou choisissez une seule photo; rien n&apos;a été ajouté.</translation>
    </message>
    <message numerus="yes">
        <source>{reason} (%n more file(s) refused too.)</source>
        <translation>
            <numerusform>{reason} (%n autre fichier refusé aussi.)</numerusform>
            <numerusform>{reason} (%n autres fichiers refusés aussi.)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) attached, upright and without GPS or camera data.</source>
        <translation>
            <numerusform>%n photo jointe, à l&apos;endroit et sans données GPS ni de l&apos;appareil photo.</numerusform>
            <numerusform>%n photos jointes, à l&apos;endroit et sans données GPS ni de l&apos;appareil photo.</numerusform>
        </translation>
    </message>
    <message>
        <source>Photo {number} added by amendment, upright and without GPS or camera data.</source>
        <translation>Photo {number} ajoutée par addenda, redressée et sans GPS ni données d&apos;appareil.</translation>
    </message>
    <message>
        <source>Photos are hidden while the privacy screen is on (F12 or Ctrl+H).</source>
        <translation>Les photos sont masquées tant que l&apos;écran de confidentialité est actif (F12 ou Ctrl+H).</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>Photo {number}</source>
        <translation>Photo {number}</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation>Ajuster à la fenêtre</translation>
    </message>
    <message>
        <source>Off: the photo at its full stored size (scroll to see it all)</source>
        <translation>Désactivé&#xa0;: la photo à sa pleine taille (faites défiler pour tout voir)</translation>
    </message>
    <message>
        <source>e.g. bruise 2 cm below the L5 insertion, day 2</source>
        <translation>p. ex. ecchymose 2 cm sous l&apos;insertion L5, jour 2</translation>
    </message>
    <message>
        <source>not tied to a site</source>
        <translation>liée à aucun point</translation>
    </message>
    <message>
        <source>site {number} · {muscle} ({side})</source>
        <translation>point {number} · {muscle} ({side})</translation>
    </message>
    <message>
        <source>{width} x {height} px {kind}, {size} KB · added {when} by {who}</source>
        <translation>{width} x {height} px {kind}, {size} ko · ajoutée le {when} par {who}</translation>
    </message>
    <message>
        <source>The hash of the stored photo, as the audit trail recorded it</source>
        <translation>L&apos;empreinte de la photo conservée, telle que la piste de vérification l&apos;a consignée</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Légende</translation>
    </message>
    <message>
        <source>Chart site</source>
        <translation>Point du schéma</translation>
    </message>
    <message>
        <source>Amendment</source>
        <translation>Addenda</translation>
    </message>
    <message>
        <source>Remove photo…</source>
        <translation>Retirer la photo…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>The session is signed: this photo is locked with it.</source>
        <translation>La séance est signée&#xa0;: cette photo est verrouillée avec elle.</translation>
    </message>
    <message>
        <source>The draft was withdrawn: this photo is locked with it.</source>
        <translation>Le brouillon a été retiré&#xa0;: cette photo est verrouillée avec lui.</translation>
    </message>
    <message>
        <source>Read-only here: this photo cannot be changed.</source>
        <translation>Lecture seule ici&#xa0;: cette photo ne peut pas être modifiée.</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>Retirer la photo</translation>
    </message>
    <message>
        <source>Take photo {number} off this session? It stays in the database&apos;s history, but no longer shows, exports or prints.</source>
        <translation>Retirer la photo {number} de cette séance? Elle reste dans l&apos;historique de la base de données, mais n&apos;est plus affichée, exportée ni imprimée.</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Screen lock</source>
        <translation>Verrouillage de l&apos;écran</translation>
    </message>
    <message>
        <source>The PIN of {user} unlocks the window after it locked itself (or after Lock now). Only a salted hash of it is stored.</source>
        <translation>Le NIP de {user} déverrouille la fenêtre après son verrouillage automatique (ou après Verrouiller maintenant). Seule une empreinte salée en est conservée.</translation>
    </message>
    <message>
        <source>Current PIN</source>
        <translation>NIP actuel</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>Nouveau NIP</translation>
    </message>
    <message>
        <source>Repeat the new PIN</source>
        <translation>Répéter le nouveau NIP</translation>
    </message>
    <message>
        <source>Remove my PIN (no locking)</source>
        <translation>Supprimer mon NIP (aucun verrouillage)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>Lock after idle minutes</source>
        <translation>Verrouiller après des minutes d&apos;inactivité</translation>
    </message>
    <message>
        <source>On the clinic server the idle time is the clinic&apos;s: its administrators set it.</source>
        <translation>Sur le serveur de la clinique, le délai d&apos;inactivité est celui de la clinique&#xa0;: ses administrateurs le fixent.</translation>
    </message>
    <message>
        <source>Current PIN:</source>
        <translation>NIP actuel&#xa0;:</translation>
    </message>
    <message>
        <source>New PIN:</source>
        <translation>Nouveau NIP&#xa0;:</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>Répéter&#xa0;:</translation>
    </message>
    <message>
        <source>Lock after:</source>
        <translation>Verrouiller après&#xa0;:</translation>
    </message>
    <message>
        <source>The current PIN is not right.</source>
        <translation>Le NIP actuel n&apos;est pas le bon.</translation>
    </message>
    <message>
        <source>The two new PINs differ.</source>
        <translation>Les deux nouveaux NIP diffèrent.</translation>
    </message>
</context>
<context>
    <name>PlaceFields</name>
    <message>
        <source>Type to change the muscle…</source>
        <translation>Tapez pour changer de muscle…</translation>
    </message>
    <message>
        <source>Muscle of the selected site</source>
        <translation>Muscle du point sélectionné</translation>
    </message>
    <message>
        <source>L</source>
        <comment>left side, one letter</comment>
        <translation>G</translation>
    </message>
    <message>
        <source>The patient&apos;s left side</source>
        <translation>Côté gauche du patient</translation>
    </message>
    <message>
        <source>R</source>
        <comment>right side, one letter</comment>
        <translation>D</translation>
    </message>
    <message>
        <source>The patient&apos;s right side</source>
        <translation>Côté droit du patient</translation>
    </message>
    <message>
        <source>M</source>
        <comment>midline, one letter</comment>
        <translation>M</translation>
    </message>
    <message>
        <source>Midline</source>
        <translation>Ligne médiane</translation>
    </message>
    <message>
        <source>Segment level of a site on a segmental muscle (multifidus, longissimus, iliocostalis, intercostals, rectus abdominis)</source>
        <translation>Niveau segmentaire d&apos;un point sur un muscle segmentaire (multifide, longissimus, iliocostal, intercostaux, grand droit de l&apos;abdomen)</translation>
    </message>
    <message>
        <source>level {none}</source>
        <translation>niveau {none}</translation>
    </message>
    <message>
        <source>This site was tapped on the patient&apos;s right side, and its side is where it was tapped. Tapped on the wrong side? Remove it (Delete) and tap the muscle on the left.</source>
        <translation>Ce point a été touché du côté droit du patient, et son côté est celui où il a été touché. Touché du mauvais côté? Retirez-le (Suppr) et touchez le muscle du côté gauche.</translation>
    </message>
    <message>
        <source>This site was tapped on the patient&apos;s left side, and its side is where it was tapped. Tapped on the wrong side? Remove it (Delete) and tap the muscle on the right.</source>
        <translation>Ce point a été touché du côté gauche du patient, et son côté est celui où il a été touché. Touché du mauvais côté? Retirez-le (Suppr) et touchez le muscle du côté droit.</translation>
    </message>
</context>
<context>
    <name>PlanningActions</name>
    <message>
        <source>There are no protocols yet: open a session and use Session → Save as protocol.</source>
        <translation>Il n&apos;y a pas encore de protocole&#xa0;: ouvrez une séance et utilisez Séance → Enregistrer comme protocole.</translation>
    </message>
    <message>
        <source>Apply protocol</source>
        <translation>Appliquer un protocole</translation>
    </message>
    <message>
        <source>Protocol:</source>
        <translation>Protocole&#xa0;:</translation>
    </message>
    <message>
        <source>protocol {name}</source>
        <translation>protocole {name}</translation>
    </message>
    <message>
        <source>Save as protocol</source>
        <translation>Enregistrer comme protocole</translation>
    </message>
    <message>
        <source>Name of the protocol (e.g. L5 radiculopathy):</source>
        <translation>Nom du protocole (p. ex. radiculopathie L5)&#xa0;:</translation>
    </message>
</context>
<context>
    <name>PlanningWords</name>
    <message numerus="yes">
        <source>copy forward (%n site(s))</source>
        <translation>
            <numerusform>reprise (%n point)</numerusform>
            <numerusform>reprise (%n points)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n site(s) of the last visit added as planned markers: grade each one you needle, remove the others.</source>
        <translation>
            <numerusform>%n point de la dernière visite ajouté comme repère prévu&#xa0;: cotez chaque point que vous puncturez, retirez les autres.</numerusform>
            <numerusform>%n points de la dernière visite ajoutés comme repères prévus&#xa0;: cotez chaque point que vous puncturez, retirez les autres.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name} (%n site(s))</source>
        <translation>
            <numerusform>{name} (%n point)</numerusform>
            <numerusform>{name} (%n points)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Protocol {name}: %n planned site(s) added.</source>
        <translation>
            <numerusform>Protocole {name}&#xa0;: %n point prévu ajouté.</numerusform>
            <numerusform>Protocole {name}&#xa0;: %n points prévus ajoutés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Protocol {name} saved with %n site(s).</source>
        <translation>
            <numerusform>Protocole {name} enregistré avec %n point.</numerusform>
            <numerusform>Protocole {name} enregistré avec %n points.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PractitionerPage</name>
    <message>
        <source>The practitioner</source>
        <translation>Le praticien</translation>
    </message>
    <message>
        <source>Who signs the notes: the name and registration number are printed on every signed session.</source>
        <translation>Qui signe les notes&#xa0;: le nom et le numéro de permis sont imprimés sur chaque séance signée.</translation>
    </message>
    <message>
        <source>Practitioner&apos;s name</source>
        <translation>Nom du praticien</translation>
    </message>
    <message>
        <source>e.g. Jane Smith, PT</source>
        <translation>p. ex. Julie Tremblay, pht</translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation>Numéro de permis</translation>
    </message>
    <message>
        <source>your college or board registration number</source>
        <translation>votre numéro de permis de l&apos;ordre professionnel</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Registration number:</source>
        <translation>Numéro de permis&#xa0;:</translation>
    </message>
    <message>
        <source>More practitioners can be added later in File &gt; Clinic settings.</source>
        <translation>D&apos;autres praticiens pourront être ajoutés plus tard dans Fichier &gt; Paramètres de la clinique.</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <source>No fading</source>
        <translation>Sans atténuation</translation>
    </message>
    <message>
        <source>Half-life 2 weeks</source>
        <translation>Demi-vie 2 semaines</translation>
    </message>
    <message>
        <source>Half-life 4 weeks</source>
        <translation>Demi-vie 4 semaines</translation>
    </message>
    <message>
        <source>Half-life 8 weeks</source>
        <translation>Demi-vie 8 semaines</translation>
    </message>
    <message>
        <source>Grasp of each muscle, visit by visit</source>
        <translation>Préhension de chaque muscle, visite par visite</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Tendance</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Schéma</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Segments</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Comparer</translation>
    </message>
    <message numerus="yes">
        <source>%n site(s)</source>
        <translation>
            <numerusform>%n point</numerusform>
            <numerusform>%n points</numerusform>
        </translation>
    </message>
    <message>
        <source>pain {pain}</source>
        <translation>douleur {pain}</translation>
    </message>
    <message>
        <source>chart {number}</source>
        <comment>a visit recorded under a duplicate record merged into this one</comment>
        <translation>dossier {number}</translation>
    </message>
    <message>
        <source>draft, not signed</source>
        <translation>brouillon, non signée</translation>
    </message>
    <message>
        <source>Draft: not signed yet</source>
        <translation>Brouillon&#xa0;: pas encore signée</translation>
    </message>
    <message>
        <source>amended</source>
        <translation>avec addenda</translation>
    </message>
    <message numerus="yes">
        <source>Amended after signing (%n amendment(s)). The grid and the charts count the sites as the amendments corrected them (a grade, a cramp, a site recorded in error); what an amendment says in words only is not counted: read the amendments on the Session &amp; sites tab or in the session&apos;s PDF.</source>
        <translation>
            <numerusform>Addenda après la signature (%n addenda). La grille et les graphiques comptent les points tels que les addendas les ont corrigés (une cote, une crampe, un point consigné par erreur); ce qu&apos;un addenda dit seulement en mots n&apos;est pas compté&#xa0;: lisez les addendas dans l&apos;onglet Séance et points ou dans le PDF de la séance.</numerusform>
            <numerusform>Addendas après la signature (%n addendas). La grille et les graphiques comptent les points tels que les addendas les ont corrigés (une cote, une crampe, un point consigné par erreur); ce qu&apos;un addenda dit seulement en mots n&apos;est pas compté&#xa0;: lisez les addendas dans l&apos;onglet Séance et points ou dans le PDF de la séance.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Left out, as not this patient&apos;s treatment: %n session(s) withdrawn or entered in error, started {dates}.</source>
        <translation>
            <numerusform>Laissée de côté, n&apos;étant pas un traitement de ce patient&#xa0;: %n séance retirée ou consignée par erreur, commencée le {dates}.</numerusform>
            <numerusform>Laissées de côté, n&apos;étant pas un traitement de ce patient&#xa0;: %n séances retirées ou consignées par erreur, commencées les {dates}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgressSummary</name>
    <message>
        <source>No needled sites in the sessions shown yet.</source>
        <translation>Aucun point puncturé dans les séances affichées pour l&apos;instant.</translation>
    </message>
    <message numerus="yes">
        <source>Not compared: %n draft(s), not signed ({sessions}).</source>
        <translation>
            <numerusform>Non comparé&#xa0;: %n&#xa0;brouillon non signé ({sessions}).</numerusform>
            <numerusform>Non comparés&#xa0;: %n&#xa0;brouillons non signés ({sessions}).</numerusform>
        </translation>
    </message>
    <message>
        <source>No signed visit with needled sites in the sessions shown yet.</source>
        <translation>Aucune visite signée avec des points puncturés dans les séances affichées pour l&apos;instant.</translation>
    </message>
    <message numerus="yes">
        <source>{muscles} and %n more</source>
        <translation>
            <numerusform>{muscles} et %n autre</numerusform>
            <numerusform>{muscles} et %n autres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Latest ({session}): %n muscle(s) needled, not graded.</source>
        <translation>
            <numerusform>Dernière ({session})&#xa0;: %n muscle puncturé, non coté.</numerusform>
            <numerusform>Dernière ({session})&#xa0;: %n muscles puncturés, non cotés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Latest ({session}): {grasping} of %n muscle(s) grasped (strongest: {strongest}).</source>
        <translation>
            <numerusform>Dernière ({session})&#xa0;: {grasping} sur %n muscle en préhension (les plus forts&#xa0;: {strongest}).</numerusform>
            <numerusform>Dernière ({session})&#xa0;: {grasping} sur %n muscles en préhension (les plus forts&#xa0;: {strongest}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Latest ({session}): {grasping} of %n muscle(s) grasped.</source>
        <translation>
            <numerusform>Dernière ({session})&#xa0;: {grasping} sur %n muscle en préhension.</numerusform>
            <numerusform>Dernière ({session})&#xa0;: {grasping} sur %n muscles en préhension.</numerusform>
        </translation>
    </message>
    <message>
        <source>{value}%</source>
        <comment>a percentage</comment>
        <translation>{value}&#xa0;%</translation>
    </message>
    <message>
        <source>pain {first} → {last} ({change})</source>
        <translation>douleur {first} → {last} ({change})</translation>
    </message>
    <message>
        <source>muscles grasping {first} → {last}</source>
        <translation>muscles en préhension {first} → {last}</translation>
    </message>
    <message>
        <source>grasp burden {first} → {last}</source>
        <translation>charge de préhension {first} → {last}</translation>
    </message>
    <message numerus="yes">
        <source>Since {session} (%n session(s)): {changes}.</source>
        <translation>
            <numerusform>Depuis {session} (%n séance)&#xa0;: {changes}.</numerusform>
            <numerusform>Depuis {session} (%n séances)&#xa0;: {changes}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Lecteur</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Voir dans&#xa0;:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Fichiers de &amp;type&#xa0;:</translation>
    </message>
</context>
<context>
    <name>QPageSetupWidget</name>
    <message>
        <source>Pages &amp;per sheet:</source>
        <translation>Pages &amp;par feuille&#xa0;:</translation>
    </message>
    <message>
        <source>Page &amp;order:</source>
        <translation>&amp;Ordre des pages&#xa0;:</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Page &amp;Set:</source>
        <translation>&amp;Série de pages&#xa0;:</translation>
    </message>
</context>
<context>
    <name>QProgressBar</name>
    <message>
        <source>%p%</source>
        <translation>%p&#xa0;%</translation>
    </message>
</context>
<context>
    <name>ReadyPage</name>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>Check the answers, then press Finish to save them.</source>
        <translation>Vérifiez les réponses, puis appuyez sur Terminer pour les enregistrer.</translation>
    </message>
</context>
<context>
    <name>Reconnection</name>
    <message>
        <source>Connecting to the clinic server again…</source>
        <translation>Reconnexion au serveur de la clinique…</translation>
    </message>
</context>
<context>
    <name>RecordSide</name>
    <message>
        <source>Find: chart number or name</source>
        <translation>Chercher&#xa0;: n° de dossier ou nom</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Date of birth:</source>
        <translation>Date de naissance&#xa0;:</translation>
    </message>
    <message>
        <source>Chart number:</source>
        <translation>N° de dossier&#xa0;:</translation>
    </message>
    <message>
        <source>Sessions:</source>
        <translation>Séances&#xa0;:</translation>
    </message>
    <message>
        <source>First visit:</source>
        <translation>Première visite&#xa0;:</translation>
    </message>
    <message>
        <source>Last visit:</source>
        <translation>Dernière visite&#xa0;:</translation>
    </message>
    <message>
        <source>Merges:</source>
        <translation>Fusions&#xa0;:</translation>
    </message>
    <message>
        <source>merged into {who}</source>
        <translation>fusionné dans {who}</translation>
    </message>
    <message>
        <source>keeps {who}</source>
        <translation>conserve {who}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
</context>
<context>
    <name>RecordsPlaceDialog</name>
    <message>
        <source>Where are the clinic&apos;s records?</source>
        <translation>Où sont les dossiers de la clinique?</translation>
    </message>
    <message>
        <source>On this computer (one treatment room)</source>
        <translation>Sur cet ordinateur (une salle de traitement)</translation>
    </message>
    <message>
        <source>On a clinic server (several rooms; your IT provider set it up)</source>
        <translation>Sur un serveur de la clinique (plusieurs salles; installé par votre fournisseur informatique)</translation>
    </message>
    <message>
        <source>Clinic server address</source>
        <translation>Adresse du serveur de la clinique</translation>
    </message>
    <message>
        <source>Your IT provider gives you the server&apos;s address. On the clinic&apos;s network it ends in sslmode=verify-full: then imsmap talks only to the real server, over TLS. The address is kept on this computer for you; your password is not: you sign in with it each time.</source>
        <translation>Votre fournisseur informatique vous donne l&apos;adresse du serveur. Sur le réseau de la clinique, elle se termine par sslmode=verify-full&#xa0;: imsmap ne parle alors qu&apos;au vrai serveur, par TLS. L&apos;adresse est conservée sur cet ordinateur pour vous; votre mot de passe ne l&apos;est pas&#xa0;: vous vous connectez avec lui chaque fois.</translation>
    </message>
    <message>
        <source>A clinic server cannot be chosen: this imsmap was installed without its server extra (psycopg). To use one, install imsmap again with pip install &apos;imsmap[server]&apos; and start it again. Records on this computer need nothing more.</source>
        <translation>Un serveur de la clinique ne peut pas être choisi&#xa0;: cet imsmap a été installé sans son extra server (psycopg). Pour en utiliser un, installez de nouveau imsmap avec pip install &apos;imsmap[server]&apos;, puis redémarrez-le. Les dossiers sur cet ordinateur n&apos;ont besoin de rien de plus.</translation>
    </message>
    <message>
        <source>This computer holds a clinic&apos;s file, {file}: choosing this computer opens it.</source>
        <translation>Cet ordinateur contient le fichier d&apos;une clinique, {file}&#xa0;: choisir cet ordinateur l&apos;ouvre.</translation>
    </message>
    <message>
        <source>This computer holds no clinic&apos;s file, so the records are on a clinic server: give its address. Choosing this computer would start a new, empty clinic.</source>
        <translation>Cet ordinateur ne contient aucun fichier de clinique; les dossiers sont donc sur un serveur de la clinique&#xa0;: donnez son adresse. Choisir cet ordinateur créerait une nouvelle clinique, vide.</translation>
    </message>
    <message>
        <source>Signing in was stopped and nothing was kept: correct the address and press OK, or press Cancel to close.</source>
        <translation>La connexion a été arrêtée et rien n&apos;a été conservé&#xa0;: corrigez l&apos;adresse et appuyez sur OK, ou sur Annuler pour fermer.</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>Database recovery</source>
        <translation>Récupération de la base de données</translation>
    </message>
    <message>
        <source>Replace {name} with the backup of {when}?</source>
        <translation>Remplacer {name} par la sauvegarde du {when}?</translation>
    </message>
    <message>
        <source>The damaged file stays in its folder under a new name:
{path}</source>
        <translation>Le fichier endommagé reste dans son répertoire, sous un nouveau nom&#xa0;:
{path}</translation>
    </message>
    <message>
        <source>Restore the backup</source>
        <translation>Restaurer la sauvegarde</translation>
    </message>
    <message>
        <source>Another imsmap window or program is writing to it. Close that one, or wait a moment, then try again.</source>
        <translation>Une autre fenêtre ou un autre programme imsmap y écrit. Fermez-le ou attendez un moment, puis réessayez.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>The backup could not be restored: {reason}</source>
        <translation>La sauvegarde n&apos;a pas pu être restaurée&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>The backup of {when} was restored. The damaged file was kept under this name:
{name}</source>
        <translation>La sauvegarde du {when} a été restaurée. Le fichier endommagé a été conservé sous ce nom&#xa0;:
{name}</translation>
    </message>
    <message>
        <source>The backup of {when} was restored.</source>
        <translation>La sauvegarde du {when} a été restaurée.</translation>
    </message>
</context>
<context>
    <name>RegionChooser</name>
    <message>
        <source>Keep the muscle as it is (Esc)</source>
        <translation>Garder le muscle tel quel (Échap)</translation>
    </message>
    <message>
        <source>Keep the muscle as it is</source>
        <translation>Garder le muscle tel quel</translation>
    </message>
    <message>
        <source>Enter puts the site in this muscle; Escape keeps the muscle as it is</source>
        <translation>Entrée met le point dans ce muscle; Échap garde le muscle tel quel</translation>
    </message>
    <message>
        <source>Enter adds a site in this muscle; Escape closes</source>
        <translation>Entrée ajoute un point dans ce muscle; Échap ferme</translation>
    </message>
</context>
<context>
    <name>RegistrationEntry</name>
    <message>
        <source>Registration number</source>
        <translation>Numéro de permis</translation>
    </message>
    <message>
        <source>from the college or board</source>
        <translation>de l&apos;ordre professionnel</translation>
    </message>
    <message>
        <source>Registration no. of {name}:</source>
        <translation>N° de permis de {name}&#xa0;:</translation>
    </message>
    <message>
        <source>Add it to the clinic&apos;s list of practitioners</source>
        <translation>L&apos;ajouter à la liste des praticiens de la clinique</translation>
    </message>
    <message>
        <source>Their next sessions then carry it, as a new session takes the number the clinic&apos;s list gives its practitioner</source>
        <translation>Ses prochaines séances le portent alors, car une nouvelle séance prend le numéro que la liste de la clinique donne à son praticien</translation>
    </message>
    <message>
        <source>Add to the clinic&apos;s list</source>
        <translation>Ajouter à la liste de la clinique</translation>
    </message>
    <message>
        <source>As the clinic&apos;s list of practitioners gives it: signing records it with this session.</source>
        <translation>Tel que le donne la liste des praticiens de la clinique&#xa0;: la signature le consigne avec cette séance.</translation>
    </message>
    <message>
        <source>The clinic&apos;s administrators keep its list of practitioners on the clinic server: ask them to add this number, so that the next sessions carry it.</source>
        <translation>Les administrateurs de la clinique gèrent sa liste des praticiens sur le serveur de la clinique&#xa0;: demandez-leur d&apos;y ajouter ce numéro, pour que les prochaines séances le portent.</translation>
    </message>
</context>
<context>
    <name>Release</name>
    <message>
        <source>full</source>
        <translation>complet</translation>
    </message>
    <message>
        <source>partial</source>
        <translation>partiel</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <source>PDF export is not available in this version of imsmap.</source>
        <translation>L&apos;exportation PDF n&apos;est pas offerte dans cette version d&apos;imsmap.</translation>
    </message>
    <message>
        <source>Export session PDF</source>
        <translation>Exporter la séance en PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>This version of imsmap cannot do that yet ({module} is not installed). Export the session PDF instead.</source>
        <translation>Cette version d&apos;imsmap ne peut pas encore le faire ({module} n&apos;est pas installé). Exportez plutôt la séance en PDF.</translation>
    </message>
    <message>
        <source>{action} failed: {reason}.</source>
        <translation>{action}&#xa0;: échec ({reason}).</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimer</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>Aperçu avant impression</translation>
    </message>
    <message>
        <source>Export progress report</source>
        <translation>Exporter le rapport d&apos;évolution</translation>
    </message>
    <message>
        <source>Export FHIR bundle</source>
        <translation>Exporter le Bundle FHIR</translation>
    </message>
    <message>
        <source>FHIR bundles (*.json)</source>
        <translation>Bundles FHIR (*.json)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>The export was stopped; nothing was written.</source>
        <translation>L&apos;exportation a été arrêtée; rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Drawing the PDF of signed session {n} of {count}…</source>
        <translation>Production du PDF de la séance signée {n} sur {count}…</translation>
    </message>
    <message>
        <source>The PDF could not be written to {path}: {reason}.</source>
        <translation>Le PDF n&apos;a pas pu être écrit dans {path}&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Enregistré&#xa0;: {path}</translation>
    </message>
</context>
<context>
    <name>RestoreBackup</name>
    <message>
        <source>Restore from a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>Replace the records open now with the backup of {when}?</source>
        <translation>Remplacer les dossiers ouverts par la sauvegarde du {when}?</translation>
    </message>
    <message>
        <source>These records are not in the backup; they stay only in the file set aside:</source>
        <translation>Ce qui suit n&apos;est pas dans la sauvegarde et reste seulement dans le fichier mis de côté&#xa0;:</translation>
    </message>
    <message>
        <source>Restore the backup</source>
        <translation>Restaurer la sauvegarde</translation>
    </message>
    <message>
        <source>The records changed since the backup was looked at; nothing was restored. Choose File &gt; Restore from backup… again to see what it would replace.</source>
        <translation>Les dossiers ont changé depuis l&apos;examen de la sauvegarde; rien n&apos;a été restauré. Choisissez de nouveau Fichier &gt; Restaurer une sauvegarde… pour voir ce qu&apos;elle remplacerait.</translation>
    </message>
    <message>
        <source>Restoring the backup of {when}: it is checked again as it is put in place, a few minutes for a large clinic&apos;s. The records open when it is done.</source>
        <translation>Restauration de la sauvegarde du {when}&#xa0;: elle est vérifiée de nouveau en étant mise en place, quelques minutes pour celle d&apos;une grande clinique. Les dossiers s&apos;ouvrent une fois la restauration terminée.</translation>
    </message>
    <message>
        <source>Nothing was restored: {reason}</source>
        <translation>Rien n&apos;a été restauré&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>The backup of {when} was restored: {patients}, {sessions}.</source>
        <translation>La sauvegarde du {when} a été restaurée&#xa0;: {patients}, {sessions}.</translation>
    </message>
    <message>
        <source>The records it replaced are kept, not deleted, in this file:
{path}</source>
        <translation>Les dossiers qu&apos;elle a remplacés sont conservés, et non supprimés, dans ce fichier&#xa0;:
{path}</translation>
    </message>
    <message>
        <source>Not in it: anything written after {when}.</source>
        <translation>Absent de la sauvegarde&#xa0;: tout ce qui a été saisi après le {when}.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Choose the folder that holds the backups, for example on the USB drive. imsmap finds the newest backup there and shows what it holds; nothing changes until you press Restore.</source>
        <translation>Choisissez le répertoire qui contient les sauvegardes, par exemple sur la clé USB. imsmap y trouve la sauvegarde la plus récente et montre ce qu&apos;elle contient; rien ne change avant que vous appuyiez sur Restaurer.</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Répertoire de sauvegarde</translation>
    </message>
    <message>
        <source>the folder of the backups, e.g. on the USB drive</source>
        <translation>le répertoire des sauvegardes, p. ex. sur la clé USB</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Look in this folder</source>
        <translation>Examiner ce répertoire</translation>
    </message>
    <message>
        <source>Backup to restore</source>
        <translation>Sauvegarde à restaurer</translation>
    </message>
    <message>
        <source>Choose a backup…</source>
        <translation>Choisissez une sauvegarde…</translation>
    </message>
    <message>
        <source>&amp;Backup:</source>
        <translation>&amp;Sauvegarde&#xa0;:</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>Checking the newest backup in {folder}: every record, signature and amendment in it is read, a few minutes for a large clinic&apos;s. Nothing changes.</source>
        <translation>Vérification de la sauvegarde la plus récente de {folder}&#xa0;: chaque dossier de patient, chaque signature et chaque addenda qu&apos;elle contient est lu, quelques minutes pour celle d&apos;une grande clinique. Rien n&apos;est modifié.</translation>
    </message>
    <message>
        <source>Stop checking</source>
        <translation>Arrêter la vérification</translation>
    </message>
    <message>
        <source>{refusal} Choose one in the list of backups to see what it holds.</source>
        <translation>{refusal} Choisissez-en une dans la liste des sauvegardes pour voir ce qu&apos;elle contient.</translation>
    </message>
    <message>
        <source>The backup was not checked (stopped); nothing changed. Look in the folder again to check it.</source>
        <translation>La sauvegarde n&apos;a pas été vérifiée (arrêt demandé); rien n&apos;a changé. Regardez de nouveau dans le répertoire pour la vérifier.</translation>
    </message>
    <message>
        <source>Checking the backup {name}: every record, signature and amendment in it is read, a few minutes for a large clinic&apos;s. Nothing changes.</source>
        <translation>Vérification de la sauvegarde {name}&#xa0;: chaque dossier, signature et addenda qu&apos;elle contient est lu, quelques minutes pour celle d&apos;une grande clinique. Rien n&apos;est modifié.</translation>
    </message>
    <message>
        <source>The backup was not checked (stopped); nothing changed. Choose it again to check it.</source>
        <translation>La sauvegarde n&apos;a pas été vérifiée (arrêt demandé); rien n&apos;a changé. Choisissez-la de nouveau pour la vérifier.</translation>
    </message>
    <message>
        <source>The records open now hold what this backup lacks. Restoring takes it out of them (it stays in the file set aside, {name}.replaced-…):</source>
        <translation>Les dossiers des patients ouverts maintenant contiennent ce qui manque à cette sauvegarde. La restaurer l&apos;en retire (cela reste dans le fichier mis de côté, {name}.replaced-…)&#xa0;:</translation>
    </message>
</context>
<context>
    <name>RestoreWords</name>
    <message>
        <source>The newest backup in this folder holds the records as they were on {when}:</source>
        <translation>La sauvegarde la plus récente de ce répertoire contient les dossiers des patients tels qu&apos;ils étaient le {when}&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s)</source>
        <translation>
            <numerusform>%n patient</numerusform>
            <numerusform>%n patients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n séance</numerusform>
            <numerusform>%n séances</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n signed</source>
        <translation>
            <numerusform>%n signée</numerusform>
            <numerusform>%n signées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s)</source>
        <translation>
            <numerusform>%n brouillon</numerusform>
            <numerusform>%n brouillons</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n amendment(s)</source>
        <translation>
            <numerusform>%n addenda</numerusform>
            <numerusform>%n addenda</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message>
        <source>The last signed session: chart {chart}, signed on {when}.</source>
        <translation>Dernière séance signée&#xa0;: dossier {chart}, signée le {when}.</translation>
    </message>
    <message>
        <source>It holds no signed session.</source>
        <translation>Elle ne contient aucune séance signée.</translation>
    </message>
    <message>
        <source>Checked: the backup is whole, every signature matches its session and the audit trail is unbroken.</source>
        <translation>Vérifiée&#xa0;: la sauvegarde est intacte, chaque signature correspond à sa séance et la piste de vérification est ininterrompue.</translation>
    </message>
    <message>
        <source>What it cannot bring back:</source>
        <translation>Ce qu&apos;elle ne peut pas ramener&#xa0;:</translation>
    </message>
    <message>
        <source>anything written after {when}: a session signed, a draft changed or a photo added later.</source>
        <translation>tout ce qui a été saisi après le {when}&#xa0;: une séance signée, un brouillon modifié ou une photo ajoutée plus tard.</translation>
    </message>
    <message>
        <source>Its journal ({name}) is not in the folder: the records come back as they were when this full backup was made, without what was signed after it. If you have the journal, put it in the folder and look again.</source>
        <translation>Son journal ({name}) n&apos;est pas dans le répertoire&#xa0;: les dossiers des patients reviennent tels qu&apos;ils étaient au moment de cette sauvegarde complète, sans ce qui a été signé après. Si vous avez le journal, mettez-le dans ce répertoire, puis examinez de nouveau le répertoire.</translation>
    </message>
    <message numerus="yes">
        <source>%n draft session(s) come back as they were then, not signed: check them before you sign.</source>
        <translation>
            <numerusform>%n séance en brouillon revient telle qu&apos;elle était alors, non signée&#xa0;: vérifiez-la avant de la signer.</numerusform>
            <numerusform>%n séances en brouillon reviennent telles qu&apos;elles étaient alors, non signées&#xa0;: vérifiez-les avant de les signer.</numerusform>
        </translation>
    </message>
    <message>
        <source>PDFs that were saved or printed are not in a backup; File &gt; Export session PDF… makes them again from the restored records.</source>
        <translation>Les PDF enregistrés ou imprimés ne sont pas dans une sauvegarde; Fichier &gt; Exporter la séance en PDF… les refait à partir des dossiers restaurés.</translation>
    </message>
    <message>
        <source>A newer backup, {name}, was passed over: {reason}</source>
        <translation>Une sauvegarde plus récente, {name}, a été écartée&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>The backup chosen holds the records of {clinic} as they were on {when}:</source>
        <translation>La sauvegarde choisie contient les dossiers de {clinic} tels qu&apos;ils étaient le {when}&#xa0;:</translation>
    </message>
    <message>
        <source>The backup chosen holds the records as they were on {when}:</source>
        <translation>La sauvegarde choisie contient les dossiers tels qu&apos;ils étaient le {when}&#xa0;:</translation>
    </message>
    <message>
        <source>The newest backup in this folder of the records open now holds the records of {clinic} as they were on {when}:</source>
        <translation>La sauvegarde la plus récente des dossiers ouverts, dans ce répertoire, contient ceux de {clinic} tels qu&apos;ils étaient le {when}&#xa0;:</translation>
    </message>
    <message>
        <source>The newest backup in this folder of the records open now holds them as they were on {when}:</source>
        <translation>La sauvegarde la plus récente des dossiers ouverts, dans ce répertoire, les contient tels qu&apos;ils étaient le {when}&#xa0;:</translation>
    </message>
    <message>
        <source>It is a backup of another database, not of the records open now.</source>
        <translation>C&apos;est une sauvegarde d&apos;une autre base de données, non des dossiers ouverts.</translation>
    </message>
    <message>
        <source>{name}, as of {when}, backed up from {path}</source>
        <translation>{name}, en date du {when}, faite à partir de {path}</translation>
    </message>
    <message>
        <source>{name}, as of {when}</source>
        <translation>{name}, en date du {when}</translation>
    </message>
    <message>
        <source>the records open now</source>
        <translation>les dossiers ouverts</translation>
    </message>
    <message>
        <source>another database, backed up from {path}</source>
        <translation>une autre base de données (sauvegarde de {path})</translation>
    </message>
    <message>
        <source>another database</source>
        <translation>une autre base de données</translation>
    </message>
    <message>
        <source>backed up from {path}</source>
        <translation>sauvegarde de {path}</translation>
    </message>
    <message numerus="yes">
        <source>%n signed session(s):</source>
        <translation>
            <numerusform>%n séance signée&#xa0;:</numerusform>
            <numerusform>%n séances signées&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>chart {chart}, {started}, signed {signed}</source>
        <translation>dossier {chart}, {started}, signée le {signed}</translation>
    </message>
    <message numerus="yes">
        <source>%n amendment(s):</source>
        <translation>
            <numerusform>%n addenda&#xa0;:</numerusform>
            <numerusform>%n addenda&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>chart {chart}, {started}, written {written} by {who}</source>
        <translation>dossier {chart}, {started}, rédigé le {written} par {who}</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s):</source>
        <translation>
            <numerusform>%n photo&#xa0;:</numerusform>
            <numerusform>%n photos&#xa0;:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) withdrawn or entered in error (they count again restored):</source>
        <translation>
            <numerusform>%n séance retirée ou consignée par erreur (elle compte de nouveau une fois restaurée)&#xa0;:</numerusform>
            <numerusform>%n séances retirées ou consignées par erreur (elles comptent de nouveau une fois restaurées)&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>chart {chart}, {started}, marked {written} by {who}</source>
        <translation>dossier {chart}, {started}, marquée le {written} par {who}</translation>
    </message>
    <message numerus="yes">
        <source>%n merge(s) or separation(s) of patient records (restored, the records read as before them):</source>
        <translation>
            <numerusform>%n fusion ou séparation de dossiers patients (une fois restaurés, les dossiers se lisent comme avant elle)&#xa0;:</numerusform>
            <numerusform>%n fusions ou séparations de dossiers patients (une fois restaurés, les dossiers se lisent comme avant elles)&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>chart {dup} into chart {kept}, {written} by {who}</source>
        <translation>dossier {dup} dans le dossier {kept}, le {written} par {who}</translation>
    </message>
    <message numerus="yes">
        <source>%n draft session(s):</source>
        <translation>
            <numerusform>%n séance en brouillon&#xa0;:</numerusform>
            <numerusform>%n séances en brouillon&#xa0;:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) whose details changed since the backup (they come back as they were):</source>
        <translation>
            <numerusform>%n patient dont les coordonnées ont changé depuis la sauvegarde (il revient tel qu&apos;il était)&#xa0;:</numerusform>
            <numerusform>%n patients dont les coordonnées ont changé depuis la sauvegarde (ils reviennent tels qu&apos;ils étaient)&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>chart {chart}, {started}, added by amendment {written} by {who}</source>
        <translation>dossier {chart}, {started}, ajoutée par addenda le {written} par {who}</translation>
    </message>
    <message>
        <source>chart {chart}, {started}, added to the draft {written} by {who}, then signed with it</source>
        <translation>dossier {chart}, {started}, ajoutée au brouillon le {written} par {who}, puis signée avec lui</translation>
    </message>
    <message>
        <source>chart {chart}, {started}, added to the draft {written} by {who}</source>
        <translation>dossier {chart}, {started}, ajoutée au brouillon le {written} par {who}</translation>
    </message>
    <message>
        <source>chart {chart}, {started}</source>
        <translation>dossier {chart}, {started}</translation>
    </message>
    <message>
        <source>The newest backup in this folder holds the records of {clinic} as they were on {when}:</source>
        <translation>La sauvegarde la plus récente de ce répertoire contient les dossiers des patients de {clinic} tels qu&apos;ils étaient le {when}&#xa0;:</translation>
    </message>
    <message>
        <source>It is a backup of another database, not of the records open now. It was backed up from:
{path}</source>
        <translation>C&apos;est une sauvegarde d&apos;une autre base de données, non des dossiers ouverts. Elle a été faite à partir de&#xa0;:
{path}</translation>
    </message>
    <message>
        <source>It was backed up from:
{path}</source>
        <translation>Elle a été faite à partir de&#xa0;:
{path}</translation>
    </message>
    <message numerus="yes">
        <source>%n newer backup(s) in this folder, of another database, not chosen (to restore one instead, choose it in the list of backups):
{list}</source>
        <translation>
            <numerusform>%n sauvegarde plus récente de ce répertoire, d&apos;une autre base de données, non retenue (pour la restaurer à la place, choisissez-la dans la liste des sauvegardes)&#xa0;:
{list}</numerusform>
            <numerusform>%n sauvegardes plus récentes de ce répertoire, d&apos;une autre base de données, non retenues (pour restaurer l&apos;une d&apos;elles à la place, choisissez-la dans la liste des sauvegardes)&#xa0;:
{list}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n draft session(s) changed since the backup (they come back as they were):</source>
        <translation>
            <numerusform>%n séance en brouillon modifiée depuis la sauvegarde (elle revient telle qu&apos;elle était)&#xa0;:</numerusform>
            <numerusform>%n séances en brouillon modifiées depuis la sauvegarde (elles reviennent telles qu&apos;elles étaient)&#xa0;:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s):</source>
        <translation>
            <numerusform>%n patient&#xa0;:</numerusform>
            <numerusform>%n patients&#xa0;:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RetractDialog</name>
    <message>
        <source>Mark entered in error</source>
        <translation>Marquer consignée par erreur</translation>
    </message>
    <message>
        <source>Session of &lt;b&gt;{when}&lt;/b&gt;, signed by {who} on {signed}.&lt;br&gt;&lt;br&gt;Marking it &lt;b&gt;entered in error&lt;/b&gt; says it is not this patient&apos;s treatment (for example, signed on the wrong patient). The signed note is not changed and stays readable; its PDF states ENTERED IN ERROR with the reason, your login (&lt;b&gt;{login}&lt;/b&gt;) and the time; it counts in no figure, earlier-visit overlay, heat map, progress report or research CSV (the record&apos;s exports carry it, marked).&lt;br&gt;&lt;br&gt;&lt;b&gt;This is final:&lt;/b&gt; like an amendment, the mark cannot be changed or taken back.</source>
        <translation>Séance du &lt;b&gt;{when}&lt;/b&gt;, signée par {who} le {signed}.&lt;br&gt;&lt;br&gt;La marquer &lt;b&gt;consignée par erreur&lt;/b&gt; indique qu&apos;elle n&apos;est pas un traitement de ce patient (par exemple, signée au dossier du mauvais patient). La note signée n&apos;est pas modifiée et reste lisible; son PDF indique CONSIGNÉE PAR ERREUR avec la raison, votre nom d&apos;utilisateur (&lt;b&gt;{login}&lt;/b&gt;) et l&apos;heure; elle ne compte dans aucun chiffre, superposition des visites antérieures, carte thermique, rapport d&apos;évolution ni CSV de recherche (les exportations du dossier la portent, marquée).&lt;br&gt;&lt;br&gt;&lt;b&gt;C&apos;est définitif&#xa0;:&lt;/b&gt; comme un addenda, la marque ne peut être ni modifiée ni retirée.</translation>
    </message>
    <message>
        <source>e.g. Signed on the wrong patient; the visit was C-1042&apos;s</source>
        <translation>p. ex. Signée au dossier du mauvais patient; la visite était celle de C-1042</translation>
    </message>
    <message>
        <source>Withdraw draft</source>
        <translation>Retirer le brouillon</translation>
    </message>
    <message numerus="yes">
        <source>Draft of &lt;b&gt;{when}&lt;/b&gt;, %n site(s).&lt;br&gt;&lt;br&gt;Withdrawing takes this draft out of the patient&apos;s treatment: it is locked, and its sites stay in the file, readable. The history shows it struck through as withdrawn, with your login (&lt;b&gt;{login}&lt;/b&gt;), the time and the reason; it counts in no figure, earlier-visit overlay, heat map, progress report or research CSV (the record&apos;s exports carry it, marked), and no longer shows as a draft left unsigned.&lt;br&gt;&lt;br&gt;&lt;b&gt;This is final:&lt;/b&gt; it cannot be undone, and a withdrawn draft is never signed or edited again.</source>
        <translation>
            <numerusform>Brouillon du &lt;b&gt;{when}&lt;/b&gt;, %n point.&lt;br&gt;&lt;br&gt;Le retirer le sort du traitement du patient&#xa0;: il est verrouillé, et son point reste dans le dossier, lisible. L&apos;historique le montre barré, comme retiré, avec votre nom d&apos;utilisateur (&lt;b&gt;{login}&lt;/b&gt;), l&apos;heure et la raison; il ne compte dans aucun chiffre, superposition des visites antérieures, carte thermique, rapport d&apos;évolution ni CSV de recherche (les exportations du dossier le portent, marqué), et n&apos;apparaît plus comme un brouillon non signé.&lt;br&gt;&lt;br&gt;&lt;b&gt;C&apos;est définitif&#xa0;:&lt;/b&gt; on ne peut l&apos;annuler, et un brouillon retiré n&apos;est plus jamais signé ni modifié.</numerusform>
            <numerusform>Brouillon du &lt;b&gt;{when}&lt;/b&gt;, %n points.&lt;br&gt;&lt;br&gt;Le retirer le sort du traitement du patient&#xa0;: il est verrouillé, et ses points restent dans le dossier, lisibles. L&apos;historique le montre barré, comme retiré, avec votre nom d&apos;utilisateur (&lt;b&gt;{login}&lt;/b&gt;), l&apos;heure et la raison; il ne compte dans aucun chiffre, superposition des visites antérieures, carte thermique, rapport d&apos;évolution ni CSV de recherche (les exportations du dossier le portent, marqué), et n&apos;apparaît plus comme un brouillon non signé.&lt;br&gt;&lt;br&gt;&lt;b&gt;C&apos;est définitif&#xa0;:&lt;/b&gt; on ne peut l&apos;annuler, et un brouillon retiré n&apos;est plus jamais signé ni modifié.</numerusform>
        </translation>
    </message>
    <message>
        <source>e.g. Started on the wrong patient; New session pressed twice</source>
        <translation>p. ex. Commencé au dossier du mauvais patient; Nouvelle séance appuyé deux fois</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Raison&#xa0;:</translation>
    </message>
</context>
<context>
    <name>RightTabs</name>
    <message>
        <source>Session &amp;&amp; sites</source>
        <translation>Séance et points</translation>
    </message>
    <message>
        <source>Session</source>
        <comment>the first tab, short</comment>
        <translation>Séance</translation>
    </message>
    <message>
        <source>Consent &amp;&amp; safety</source>
        <translation>Consentement et sécurité</translation>
    </message>
    <message>
        <source>Consent</source>
        <comment>the second tab, short</comment>
        <translation>Consentement</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Segments</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Suivi</translation>
    </message>
</context>
<context>
    <name>Roots</name>
    <message>
        <source>CN</source>
        <translation>NC</translation>
    </message>
</context>
<context>
    <name>ScreenLock</name>
    <message numerus="yes">
        <source>PIN saved: the window locks after %n idle minute(s).</source>
        <translation>
            <numerusform>NIP enregistré&#xa0;: la fenêtre se verrouille après %n minute d&apos;inactivité.</numerusform>
            <numerusform>NIP enregistré&#xa0;: la fenêtre se verrouille après %n minutes d&apos;inactivité.</numerusform>
        </translation>
    </message>
    <message>
        <source>PIN saved: the window locks with Lock now (Ctrl+Shift+K).</source>
        <translation>NIP enregistré&#xa0;: la fenêtre se verrouille avec Verrouiller maintenant (Ctrl+Maj+K).</translation>
    </message>
    <message>
        <source>No PIN: the window does not lock.</source>
        <translation>Aucun NIP&#xa0;: la fenêtre ne se verrouille pas.</translation>
    </message>
</context>
<context>
    <name>SegmentPanel</name>
    <message>
        <source>Root</source>
        <translation>Racine</translation>
    </message>
    <message>
        <source>Left
sites</source>
        <translation>Points
gauche</translation>
    </message>
    <message>
        <source>Left
grasp</source>
        <translation>Préhension
gauche</translation>
    </message>
    <message>
        <source>Right
sites</source>
        <translation>Points
droite</translation>
    </message>
    <message>
        <source>Right
grasp</source>
        <translation>Préhension
droite</translation>
    </message>
    <message>
        <source>Muscles</source>
        <translation>Muscles</translation>
    </message>
    <message>
        <source>The spinal root; last, the sites on segmental muscles whose level was not recorded (they count for no root).</source>
        <translation>La racine spinale; en dernier, les points sur des muscles segmentaires dont le niveau n&apos;a pas été consigné (ils ne comptent pour aucune racine).</translation>
    </message>
    <message>
        <source>Sites on the patient&apos;s left in the root&apos;s muscles: d dominant root of the muscle, c contributing.</source>
        <translation>Points du côté gauche du patient dans les muscles de la racine&#xa0;: d racine dominante du muscle, c racine contributive.</translation>
    </message>
    <message>
        <source>On the patient&apos;s left: the strongest grasp, then the sites that grasped of all the root&apos;s sites there.</source>
        <translation>Du côté gauche du patient&#xa0;: la préhension la plus forte, puis les points en préhension sur tous les points de la racine de ce côté.</translation>
    </message>
    <message>
        <source>Sites on the patient&apos;s right in the root&apos;s muscles: d dominant root of the muscle, c contributing.</source>
        <translation>Points du côté droit du patient dans les muscles de la racine&#xa0;: d racine dominante du muscle, c racine contributive.</translation>
    </message>
    <message>
        <source>On the patient&apos;s right: the strongest grasp, then the sites that grasped of all the root&apos;s sites there.</source>
        <translation>Du côté droit du patient&#xa0;: la préhension la plus forte, puis les points en préhension sur tous les points de la racine de ce côté.</translation>
    </message>
    <message>
        <source>The root&apos;s muscles needled in this session, each with the side it was needled on: L left, R right, both for both sides.</source>
        <translation>Les muscles de la racine puncturés pendant cette séance, chacun avec le côté où il l&apos;a été&#xa0;: G gauche, D droite, bilatéral pour les deux côtés.</translation>
    </message>
    <message>
        <source>Sites per root: &lt;b&gt;d&lt;/b&gt; dominant root of the muscle, &lt;b&gt;c&lt;/b&gt; contributing. Choose a root to see its muscles on the chart.</source>
        <translation>Points par racine&#xa0;: &lt;b&gt;d&lt;/b&gt; racine dominante du muscle, &lt;b&gt;c&lt;/b&gt; racine contributive. Choisissez une racine pour voir ses muscles sur le schéma.</translation>
    </message>
    <message>
        <source>Segmental summary</source>
        <translation>Sommaire segmentaire</translation>
    </message>
    <message>
        <source>no level</source>
        <translation>sans niveau</translation>
    </message>
    <message>
        <source>{words}: these sites on segmental muscles count for no root.</source>
        <translation>{words}&#xa0;: ces points sur des muscles segmentaires ne comptent pour aucune racine.</translation>
    </message>
    <message>
        <source>both</source>
        <comment>a muscle needled on the left and on the right</comment>
        <translation>bilatéral</translation>
    </message>
    <message>
        <source>&lt;b&gt;Entered in error&lt;/b&gt;: this session&apos;s own summary, kept for the record. It counts in no figure of the patient&apos;s course.</source>
        <translation>&lt;b&gt;Consignée par erreur&lt;/b&gt;&#xa0;: le résumé propre à cette séance, conservé pour le dossier. Il ne compte dans aucun chiffre de l&apos;évolution du patient.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Withdrawn&lt;/b&gt;: this draft&apos;s own summary, kept for the record. It counts in no figure of the patient&apos;s course.</source>
        <translation>&lt;b&gt;Retiré&lt;/b&gt;&#xa0;: le résumé propre à ce brouillon, conservé pour le dossier. Il ne compte dans aucun chiffre de l&apos;évolution du patient.</translation>
    </message>
    <message>
        <source>Sites: {count} ({dominant} d dominant root of the muscle, {contributing} c contributing).</source>
        <translation>Points&#xa0;: {count} ({dominant} d racine dominante du muscle, {contributing} c racine contributive).</translation>
    </message>
    <message>
        <source>Sites: {count}.</source>
        <translation>Points&#xa0;: {count}.</translation>
    </message>
    <message>
        <source>max {grade} · {grasped}/{count}</source>
        <translation>max. {grade} · {grasped}/{count}</translation>
    </message>
    <message>
        <source>Strongest grasp: {grade} {label}. Sites that grasped: {grasped} of {count}.</source>
        <translation>Préhension la plus forte&#xa0;: {grade} {label}. Points en préhension&#xa0;: {grasped} sur {count}.</translation>
    </message>
    <message>
        <source>None graded.</source>
        <translation>Aucun point coté.</translation>
    </message>
</context>
<context>
    <name>SegmentTrend</name>
    <message>
        <source>left</source>
        <translation>gauche</translation>
    </message>
    <message>
        <source>right</source>
        <translation>droite</translation>
    </message>
    <message>
        <source>midline</source>
        <translation>ligne médiane</translation>
    </message>
    <message>
        <source>Summed grasp of the sites in each root&apos;s muscles (the paraspinal level for multifidus). Hover a cell, or hold a finger on it, for dominant and contributing roots.</source>
        <translation>Préhension additionnée des points dans les muscles de chaque racine (le niveau paravertébral pour le multifide). Survolez une cellule, ou gardez le doigt dessus, pour les racines dominantes et contributives.</translation>
    </message>
    <message>
        <source>Summed grasp by root and session</source>
        <translation>Préhension additionnée par racine et par séance</translation>
    </message>
    <message>
        <source>Per session</source>
        <translation>Par séance</translation>
    </message>
    <message>
        <source>Figures per session</source>
        <translation>Chiffres par séance</translation>
    </message>
    <message>
        <source>Muscles grasping</source>
        <translation>Muscles en préhension</translation>
    </message>
    <message>
        <source>Grasp burden (sum of grades)</source>
        <translation>Charge de préhension (somme des cotes)</translation>
    </message>
    <message>
        <source>Muscles in common with the visit before</source>
        <translation>Muscles en commun avec la visite précédente</translation>
    </message>
    <message>
        <source>Each muscle&apos;s strongest grade at the visit (0–3), added up: it falls as muscles release and grasps weaken, and rises only when a grasp is stronger or a new muscle grasps.</source>
        <translation>La cote la plus forte de chaque muscle à la visite (0–3), additionnée&#xa0;: elle baisse quand des muscles se relâchent et que les préhensions faiblissent, et n&apos;augmente que si une préhension est plus forte ou qu&apos;un nouveau muscle est en préhension.</translation>
    </message>
    <message>
        <source>The muscles needled at both visits, in percent of those needled at either (100% = the same muscles). Signed visits are compared: a draft, not signed, is compared with nothing, and the visit after it with the signed visit before.</source>
        <translation>Les muscles puncturés aux deux visites, en pourcentage de ceux puncturés à l&apos;une ou l&apos;autre (100&#xa0;% = les mêmes muscles). Les visites signées sont comparées&#xa0;: un brouillon, non signé, n’est comparé à rien, et la visite qui le suit est comparée à la visite signée précédente.</translation>
    </message>
    <message>
        <source>{session}: needled, not graded.</source>
        <translation>{session}&#xa0;: muscles puncturés, non cotés.</translation>
    </message>
    <message>
        <source>{session}: a draft, not signed; compared with nothing.</source>
        <translation>{session}&#xa0;: un brouillon non signé, qui n’est comparé à rien.</translation>
    </message>
    <message>
        <source>{value}%</source>
        <comment>a percentage</comment>
        <translation>{value}&#xa0;%</translation>
    </message>
    <message numerus="yes">
        <source>{root} {side}, {session}: %n site(s); grasp {dominant} where {root} is the dominant root, {contributing} where it contributes</source>
        <translation>
            <numerusform>{root} {side}, {session}&#xa0;: %n point; préhension {dominant} là où {root} est la racine dominante, {contributing} là où elle contribue</numerusform>
            <numerusform>{root} {side}, {session}&#xa0;: %n points; préhension {dominant} là où {root} est la racine dominante, {contributing} là où elle contribue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Segments</name>
    <message>
        <source>level not recorded</source>
        <translation>niveau non consigné</translation>
    </message>
</context>
<context>
    <name>Sensation</name>
    <message>
        <source>ache/cramp</source>
        <translation>douleur sourde/crampe</translation>
    </message>
    <message>
        <source>deep pressure</source>
        <translation>pression profonde</translation>
    </message>
    <message>
        <source>referred</source>
        <translation>référée</translation>
    </message>
    <message>
        <source>electric/paraesthetic</source>
        <translation>électrique/paresthésique</translation>
    </message>
</context>
<context>
    <name>SeparateDialog</name>
    <message>
        <source>Separate records</source>
        <translation>Séparer des dossiers</translation>
    </message>
    <message>
        <source>Merge to end</source>
        <translation>Fusion à défaire</translation>
    </message>
    <message>
        <source>{dup} merged into {kept}</source>
        <translation>{dup} fusionné dans {kept}</translation>
    </message>
    <message>
        <source>e.g. Not the same person: father and son</source>
        <translation>p. ex. Pas la même personne&#xa0;: père et fils</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Raison&#xa0;:</translation>
    </message>
    <message>
        <source>{dup} was merged into {kept} by {by} on {when}: {reason}.&lt;br&gt;&lt;br&gt;&lt;b&gt;What happens:&lt;/b&gt; this merge ends; each record reads its own sessions again, as before it, and finding {dup} opens {dup}. Nothing is deleted: the merge and its end stay in the record and the audit trail, with your login (&lt;b&gt;{login}&lt;/b&gt;), the time and the reason.</source>
        <translation>{dup} a été fusionné dans {kept} par {by} le {when}&#xa0;: {reason}.&lt;br&gt;&lt;br&gt;&lt;b&gt;Ce qui se passe&#xa0;:&lt;/b&gt; cette fusion prend fin; chaque dossier lit de nouveau ses propres séances, comme avant elle, et chercher {dup} ouvre {dup}. Rien n&apos;est supprimé&#xa0;: la fusion et sa fin restent au dossier et dans la piste de vérification, avec votre nom d&apos;utilisateur (&lt;b&gt;{login}&lt;/b&gt;), l&apos;heure et la raison.</translation>
    </message>
</context>
<context>
    <name>SessionActions</name>
    <message>
        <source>Patient {chart} created.</source>
        <translation>Patient {chart} créé.</translation>
    </message>
    <message>
        <source>Details of {chart} saved.</source>
        <translation>Coordonnées de {chart} enregistrées.</translation>
    </message>
    <message>
        <source>Choose a patient first, then start a session.</source>
        <translation>Choisissez d&apos;abord un patient, puis commencez une séance.</translation>
    </message>
    <message>
        <source>New session started: click a muscle on the chart to add a site.</source>
        <translation>Nouvelle séance commencée&#xa0;: cliquez sur un muscle du schéma pour ajouter un point.</translation>
    </message>
    <message>
        <source>text you typed is kept in a notice and in no record.</source>
        <translation>le texte que vous avez tapé n’est conservé que dans un avis, dans aucun dossier.</translation>
    </message>
    <message>
        <source>Text you typed is kept in the notice and in no record, so the session was not signed: copy it into the note or dismiss the notice, then sign again.</source>
        <translation>Le texte que vous avez tapé est conservé dans l&apos;avis et dans aucun dossier; la séance n&apos;a donc pas été signée&#xa0;: copiez-le dans la note ou fermez l&apos;avis, puis signez de nouveau.</translation>
    </message>
    <message>
        <source>This session&apos;s last changes could not be saved yet, so it was not signed. Try again in a moment.</source>
        <translation>Les dernières modifications de cette séance n&apos;ont pas encore pu être enregistrées; elle n&apos;a donc pas été signée. Réessayez dans un moment.</translation>
    </message>
    <message>
        <source>Amendment added to the session of {when}, dated now in your name; the signed note is unchanged.</source>
        <translation>Addenda ajouté à la séance du {when}, daté de maintenant et à votre nom; la note signée reste inchangée.</translation>
    </message>
    <message>
        <source>Session withdrawn: kept for the record, counted nowhere.</source>
        <translation>Brouillon retiré&#xa0;: conservé au dossier, compté nulle part.</translation>
    </message>
    <message>
        <source>Session marked entered in error: kept for the record, counted nowhere.</source>
        <translation>Séance marquée consignée par erreur&#xa0;: conservée au dossier, comptée nulle part.</translation>
    </message>
    <message>
        <source>This session was changed in another window and can no longer be signed here: it is shown as it is now.</source>
        <translation>Cette séance a été modifiée dans une autre fenêtre et ne peut plus être signée ici&#xa0;: elle est affichée telle qu&apos;elle est maintenant.</translation>
    </message>
</context>
<context>
    <name>SessionDetailsPanel</name>
    <message>
        <source>Both / midline</source>
        <translation>Bilatéral / médian</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Gauche</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Droite</translation>
    </message>
    <message>
        <source>{event} (mild)</source>
        <translation>{event} (gravité légère)</translation>
    </message>
    <message>
        <source>{event} (moderate)</source>
        <translation>{event} (gravité modérée)</translation>
    </message>
    <message>
        <source>{event} (severe)</source>
        <translation>{event} (gravité élevée)</translation>
    </message>
    <message>
        <source>Consent and needles</source>
        <translation>Consentement et aiguilles</translation>
    </message>
    <message>
        <source>Informed consent obtained</source>
        <translation>Consentement éclairé obtenu</translation>
    </message>
    <message>
        <source>Pneumothorax risk discussed</source>
        <translation>Risque de pneumothorax discuté</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>non consignée</translation>
    </message>
    <message>
        <source>Number of needles used</source>
        <translation>Nombre d&apos;aiguilles utilisées</translation>
    </message>
    <message>
        <source>All needles accounted for, sharps disposed</source>
        <translation>Aiguilles comptées, jetées dans le contenant à objets piquants</translation>
    </message>
    <message>
        <source>Needles used:</source>
        <translation>Aiguilles utilisées&#xa0;:</translation>
    </message>
    <message>
        <source>Region or segment, e.g. L5</source>
        <translation>Région ou segment, p. ex. L5</translation>
    </message>
    <message>
        <source>Examination findings</source>
        <translation>Constats d&apos;examen</translation>
    </message>
    <message>
        <source>finding</source>
        <translation>constat</translation>
    </message>
    <message>
        <source>Action taken</source>
        <translation>Mesure prise</translation>
    </message>
    <message>
        <source>Adverse events</source>
        <translation>Événements indésirables</translation>
    </message>
    <message>
        <source>adverse event</source>
        <translation>événement indésirable</translation>
    </message>
    <message>
        <source>Tolerance and plan</source>
        <translation>Tolérance et plan</translation>
    </message>
    <message>
        <source>How the patient tolerated the treatment</source>
        <translation>Comment le patient a toléré le traitement</translation>
    </message>
    <message>
        <source>not recorded</source>
        <comment>tolerance</comment>
        <translation>non consignée</translation>
    </message>
    <message>
        <source>Plan, e.g. review in one week; home stretches</source>
        <translation>Plan, p. ex. revoir dans une semaine; étirements à domicile</translation>
    </message>
    <message>
        <source>not recorded</source>
        <comment>plan</comment>
        <translation>non consigné</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no examination findings</comment>
        <translation>aucun</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no adverse events</comment>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Tolerance:</source>
        <translation>Tolérance&#xa0;:</translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation>Plan&#xa0;:</translation>
    </message>
    <message>
        <source>left</source>
        <translation>gauche</translation>
    </message>
    <message>
        <source>right</source>
        <translation>droite</translation>
    </message>
    <message>
        <source>both / midline</source>
        <comment>a finding&apos;s side</comment>
        <translation>bilatéral / médian</translation>
    </message>
</context>
<context>
    <name>SessionForm</name>
    <message>
        <source>Session start time</source>
        <translation>Heure de début de la séance</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Motif de consultation</translation>
    </message>
    <message>
        <source>e.g. low back pain radiating to the left leg</source>
        <translation>p. ex. lombalgie irradiant dans la jambe gauche</translation>
    </message>
    <message>
        <source>not recorded</source>
        <comment>complaint</comment>
        <translation>non consigné</translation>
    </message>
    <message>
        <source>Pain before the session, 0 to 10</source>
        <translation>Douleur avant la séance, de 0 à 10</translation>
    </message>
    <message>
        <source>Pain after the session, 0 to 10</source>
        <translation>Douleur après la séance, de 0 à 10</translation>
    </message>
    <message>
        <source>tolerance, adverse events, plan…</source>
        <translation>tolérance, événements indésirables, plan…</translation>
    </message>
    <message>
        <source>not recorded</source>
        <comment>session notes</comment>
        <translation>non consignées</translation>
    </message>
    <message>
        <source>name (clinic&apos;s list)</source>
        <translation>nom (liste de la clinique)</translation>
    </message>
    <message>
        <source>not recorded</source>
        <comment>practitioner</comment>
        <translation>non consigné</translation>
    </message>
    <message>
        <source>The practitioner&apos;s name, as in the clinic&apos;s list of practitioners: type part of it and choose it from the list, which records their registration number too</source>
        <translation>Le nom du praticien, comme dans la liste des praticiens de la clinique&#xa0;: tapez-en une partie et choisissez-le dans la liste, ce qui consigne aussi son numéro de permis</translation>
    </message>
    <message>
        <source>before</source>
        <translation>avant</translation>
    </message>
    <message>
        <source>after</source>
        <translation>après</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Praticien</translation>
    </message>
    <message>
        <source>Pain (0–10)</source>
        <translation>Douleur (0–10)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Pain before: {pain}</source>
        <translation>Douleur avant&#xa0;: {pain}</translation>
    </message>
    <message>
        <source>Pain after: {pain}</source>
        <translation>Douleur après&#xa0;: {pain}</translation>
    </message>
</context>
<context>
    <name>SessionPanel</name>
    <message>
        <source>No session open</source>
        <translation>Aucune séance ouverte</translation>
    </message>
    <message>
        <source>Sign session…</source>
        <translation>Signer la séance…</translation>
    </message>
    <message>
        <source>Lock this note; later corrections become amendments</source>
        <translation>Verrouiller cette note; les corrections ultérieures deviennent des addenda</translation>
    </message>
    <message>
        <source>Add amendment…</source>
        <translation>Ajouter un addenda…</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no sites</comment>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Keys: 0–3 grasp · C cramp · T twitch · E e-stim · Del remove</source>
        <translation>Touches&#xa0;: 0–3 préhension · C crampe · T secousse (S) · E électrostim. (É) · Suppr retirer</translation>
    </message>
    <message>
        <source>Click a muscle on the chart to add a site. Keys: 0–3 grasp · C cramp · T twitch · E e-stim · Del remove</source>
        <translation>Cliquez sur un muscle du schéma pour ajouter un point. Touches&#xa0;: 0–3 préhension · C crampe · T secousse (S) · E électrostim. (É) · Suppr retirer</translation>
    </message>
    <message>
        <source>Session {when}</source>
        <translation>Séance du {when}</translation>
    </message>
    <message>
        <source>Amendment {when} by {who} – {reason}:</source>
        <translation>Addenda du {when} par {who} – {reason}&#xa0;:</translation>
    </message>
    <message>
        <source>Pain is scored from 0 to 10: {typed} was not recorded.</source>
        <translation>La douleur se cote de 0 à 10&#xa0;: {typed} n&apos;a pas été consigné.</translation>
    </message>
</context>
<context>
    <name>SessionStatus</name>
    <message>
        <source>Choose a session in the list, or New session.</source>
        <translation>Choisissez une séance dans la liste, ou Nouvelle séance.</translation>
    </message>
    <message>
        <source>Choose a patient, then a session or New session.</source>
        <translation>Choisissez un patient, puis une séance ou Nouvelle séance.</translation>
    </message>
    <message>
        <source>Withdrawn {when} by {who} ({reason}): kept for the record, counted nowhere; read-only.</source>
        <translation>Retiré le {when} par {who} ({reason})&#xa0;: conservé au dossier, compté nulle part; lecture seule.</translation>
    </message>
    <message>
        <source>Entered in error {when} by {who} ({reason}): kept for the record, counted nowhere.</source>
        <translation>Consignée par erreur le {when} par {who} ({reason})&#xa0;: conservée au dossier, comptée nulle part.</translation>
    </message>
    <message>
        <source>Signed {when} by {who}: read-only. Corrections are added as amendments.</source>
        <translation>Signée le {when} par {who}&#xa0;: lecture seule. Les corrections sont ajoutées comme addenda.</translation>
    </message>
    <message>
        <source>Signed in audit entry {entry}, but a draft in the file: the signature was taken away outside imsmap. Read-only; run imsmap check.</source>
        <translation>Signée dans l&apos;entrée d&apos;audit {entry}, mais brouillon dans le fichier&#xa0;: la signature a été retirée hors d&apos;imsmap. Lecture seule; lancez imsmap check.</translation>
    </message>
    <message>
        <source>Draft, but the database is open read-only.</source>
        <translation>Brouillon, mais la base de données est ouverte en lecture seule.</translation>
    </message>
    <message>
        <source>Draft, busy on the clinic server: read-only here for now.</source>
        <translation>Brouillon occupé sur le serveur de la clinique&#xa0;: lecture seule ici pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Draft, open in another imsmap window: read-only here.</source>
        <translation>Brouillon ouvert dans une autre fenêtre d&apos;imsmap&#xa0;: lecture seule ici.</translation>
    </message>
    <message>
        <source>Draft, open in another room: read-only here.</source>
        <translation>Brouillon ouvert dans une autre salle&#xa0;: lecture seule ici.</translation>
    </message>
    <message numerus="yes">
        <source>Draft of {date}, %n day(s) ago, not signed</source>
        <translation>
            <numerusform>Brouillon du {date}, il y a %n jour, non signé</numerusform>
            <numerusform>Brouillon du {date}, il y a %n jours, non signé</numerusform>
        </translation>
    </message>
    <message>
        <source>What you chart here goes into the visit of that day. Today&apos;s visit is a New session (Ctrl+Shift+N).</source>
        <translation>Ce que vous consignez ici va dans la visite de ce jour-là. La visite d&apos;aujourd&apos;hui est une Nouvelle séance (Ctrl+Maj+N).</translation>
    </message>
    <message>
        <source>Draft – every change is saved as you make it.</source>
        <translation>Brouillon – enregistré au fur et à mesure.</translation>
    </message>
</context>
<context>
    <name>SessionWords</name>
    <message numerus="yes">
        <source>%n earlier session(s) still not signed: {sessions}.</source>
        <translation>
            <numerusform>%n séance antérieure toujours non signée&#xa0;: {sessions}.</numerusform>
            <numerusform>%n séances antérieures toujours non signées&#xa0;: {sessions}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Clinic settings</source>
        <translation>Paramètres de la clinique</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation>Clinique</translation>
    </message>
    <message>
        <source>Clinic name</source>
        <translation>Nom de la clinique</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Choose logo…</source>
        <translation>Choisir un logo…</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Aucun logo</translation>
    </message>
    <message>
        <source>Logo:</source>
        <translation>Logo&#xa0;:</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>Format du papier</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>Papier&#xa0;:</translation>
    </message>
    <message>
        <source>Print the session&apos;s photos in its PDF</source>
        <translation>Imprimer les photos de la séance dans son PDF</translation>
    </message>
    <message>
        <source>Off: the PDF lists the photos (caption, site, sha256) without printing them; the PDF often leaves the clinic</source>
        <translation>Désactivé&#xa0;: le PDF énumère les photos (légende, point, sha256) sans les imprimer; le PDF sort souvent de la clinique</translation>
    </message>
    <message>
        <source>Photos:</source>
        <translation>Photos&#xa0;:</translation>
    </message>
    <message>
        <source>imsmap&apos;s data folder (default)</source>
        <translation>Répertoire de données d&apos;imsmap (par défaut)</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Répertoire de sauvegarde</translation>
    </message>
    <message>
        <source>Automatic backups go here: a full copy each week and a journal of each signed session, the last three weeks kept (imsmap backup --help). Choose a folder on another disk if you can.</source>
        <translation>Les sauvegardes automatiques vont ici&#xa0;: une copie complète chaque semaine et un journal de chaque séance signée, les trois dernières semaines conservées (imsmap backup --help). Choisissez si possible un répertoire sur un autre disque.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Backups:</source>
        <translation>Sauvegardes&#xa0;:</translation>
    </message>
    <message>
        <source>Made on the clinic server, as a whole (imsmap backup --dsn); the rooms make none.</source>
        <translation>Faites sur le serveur de la clinique, en entier (imsmap backup --dsn); les salles n&apos;en font aucune.</translation>
    </message>
    <message>
        <source>Practitioners</source>
        <translation>Praticiens</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation>Numéro de permis</translation>
    </message>
    <message>
        <source>Login (optional)</source>
        <translation>Identifiant (facultatif)</translation>
    </message>
    <message>
        <source>The login this practitioner signs in with (this computer&apos;s, or theirs on the clinic server): their new sessions name them, and their signatures name them as well as the login. Leave it empty where practitioners share one login, or where the clinic has one practitioner.</source>
        <translation>L&apos;identifiant avec lequel ce praticien se connecte (celui de cet ordinateur, ou le sien sur le serveur de la clinique)&#xa0;: ses nouvelles séances le nomment, et ses signatures le nomment en plus de l&apos;identifiant. Laissez-le vide si des praticiens partagent un identifiant, ou si la clinique compte un seul praticien.</translation>
    </message>
    <message>
        <source>Login: each practitioner&apos;s own (yours is {login}), so that their sessions and signatures name them. Leave it empty where a login is shared.</source>
        <translation>Identifiant&#xa0;: celui de chaque praticien (le vôtre est {login}), pour que ses séances et ses signatures le nomment. Laissez-le vide pour un identifiant partagé.</translation>
    </message>
    <message>
        <source>Add practitioner</source>
        <translation>Ajouter un praticien</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Retirer la sélection</translation>
    </message>
    <message>
        <source>Needles (mm)</source>
        <translation>Aiguilles (mm)</translation>
    </message>
    <message>
        <source>Diameter x length in millimetres, e.g. {example}</source>
        <translation>Diamètre x longueur en millimètres, p. ex. {example}</translation>
    </message>
    <message>
        <source>Needle preset {preset} is not written as diameter x length, e.g. {example}.</source>
        <translation>L&apos;aiguille prédéfinie {preset} n&apos;est pas écrite sous la forme diamètre x longueur, p. ex. {example}.</translation>
    </message>
    <message>
        <source>Needle presets</source>
        <translation>Aiguilles prédéfinies</translation>
    </message>
    <message>
        <source>Presets:</source>
        <translation>Prédéfinies&#xa0;:</translation>
    </message>
    <message>
        <source>Default needle diameter in millimetres</source>
        <translation>Diamètre d&apos;aiguille par défaut en millimètres</translation>
    </message>
    <message>
        <source>Default needle length in millimetres</source>
        <translation>Longueur d&apos;aiguille par défaut en millimètres</translation>
    </message>
    <message>
        <source>Default:</source>
        <translation>Par défaut&#xa0;:</translation>
    </message>
    <message>
        <source>Grasp grades</source>
        <translation>Cotes de préhension</translation>
    </message>
    <message>
        <source>Label of grasp grade {grade}</source>
        <translation>Libellé de la cote de préhension {grade}</translation>
    </message>
    <message>
        <source>{name}:</source>
        <translation>{name}&#xa0;:</translation>
    </message>
    <message>
        <source>Clinic logo</source>
        <translation>Logo de la clinique</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
</context>
<context>
    <name>Severity</name>
    <message>
        <source>mild</source>
        <translation>légère</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>modérée</translation>
    </message>
    <message>
        <source>severe</source>
        <translation>grave</translation>
    </message>
</context>
<context>
    <name>Sex</name>
    <message>
        <source>Female</source>
        <translation>Féminin</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Masculin</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Non consigné</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Enter (lock screen)</source>
        <translation>Entrée (écran verrouillé)</translation>
    </message>
    <message>
        <source>Unlock with your PIN</source>
        <translation>Déverrouiller avec votre NIP</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>On the chart and the site list</source>
        <translation>Sur le schéma et la liste des points</translation>
    </message>
    <message>
        <source>Lock screen</source>
        <translation>Écran de verrouillage</translation>
    </message>
    <message>
        <source>Elsewhere in the window</source>
        <translation>Ailleurs dans la fenêtre</translation>
    </message>
    <message>
        <source> or </source>
        <translation> ou </translation>
    </message>
    <message>
        <source>Menus show these too. Keys on the chart act on the selected site.</source>
        <translation>Les menus les affichent aussi. Les touches sur le schéma agissent sur le point sélectionné.</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>Action</translation>
    </message>
</context>
<context>
    <name>Side</name>
    <message>
        <source>Left</source>
        <translation>Gauche</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Droite</translation>
    </message>
    <message>
        <source>Midline</source>
        <translation>Ligne médiane</translation>
    </message>
</context>
<context>
    <name>SideLetter</name>
    <message>
        <source>L</source>
        <translation>G</translation>
    </message>
    <message>
        <source>R</source>
        <translation>D</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <source>Sign session</source>
        <translation>Signer la séance</translation>
    </message>
    <message>
        <source>The session was changed in another window just as you chose to sign it, so it was not signed: it is shown as it is now; read it, then sign again.</source>
        <translation>La séance a été modifiée dans une autre fenêtre au moment où vous avez choisi de la signer; elle n&apos;a donc pas été signée&#xa0;: elle est affichée telle qu&apos;elle est maintenant; relisez-la, puis signez de nouveau.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;{when}&lt;/b&gt; — %n site(s).&lt;br&gt;Once signed, the session is locked: later corrections are dated amendments that leave this note as it is.</source>
        <translation>
            <numerusform>&lt;b&gt;{when}&lt;/b&gt; — %n point.&lt;br&gt;Une fois signée, la séance est verrouillée&#xa0;: les corrections ultérieures sont des addenda datés qui laissent cette note telle quelle.</numerusform>
            <numerusform>&lt;b&gt;{when}&lt;/b&gt; — %n points.&lt;br&gt;Une fois signée, la séance est verrouillée&#xa0;: les corrections ultérieures sont des addenda datés qui laissent cette note telle quelle.</numerusform>
        </translation>
    </message>
    <message>
        <source>You sign as &lt;b&gt;{login}&lt;/b&gt; ({person}): the signature, the audit trail and the PDF name this login and this person.</source>
        <translation>Vous signez sous l&apos;identifiant &lt;b&gt;{login}&lt;/b&gt; ({person})&#xa0;: la signature, la piste de vérification et le PDF porteront cet identifiant et le nom de cette personne.</translation>
    </message>
    <message>
        <source>You sign as &lt;b&gt;{login}&lt;/b&gt;: the signature, the audit trail and the PDF name this login.</source>
        <translation>Vous signez sous l&apos;identifiant &lt;b&gt;{login}&lt;/b&gt;&#xa0;: la signature, la piste de vérification et le PDF porteront cet identifiant.</translation>
    </message>
    <message>
        <source>This draft was started on atlas {then}; it is signed on today&apos;s atlas {now}, whose catalogue makes the checks below and its PDF.</source>
        <translation>Ce brouillon a été commencé avec l&apos;atlas {then}; il est signé avec l&apos;atlas {now} d&apos;aujourd&apos;hui, dont le catalogue fait les vérifications ci-dessous et son PDF.</translation>
    </message>
    <message>
        <source>This draft was started on atlas {then} and keeps it ({why}): the checks below and its PDF follow that catalogue, not today&apos;s atlas {now}.</source>
        <translation>Ce brouillon a été commencé avec l&apos;atlas {then} et le garde ({why})&#xa0;: les vérifications ci-dessous et son PDF suivent ce catalogue, pas l&apos;atlas {now} d&apos;aujourd&apos;hui.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Before you sign:&lt;/b&gt;&lt;ul&gt;{items}&lt;/ul&gt;</source>
        <translation>&lt;b&gt;Avant de signer&#xa0;:&lt;/b&gt;&lt;ul&gt;{items}&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>The record is complete.</source>
        <translation>Le dossier est complet.</translation>
    </message>
    <message>
        <source>Sign with these items open</source>
        <translation>Signer malgré ces éléments en suspens</translation>
    </message>
    <message>
        <source>I have reviewed this session</source>
        <translation>J&apos;ai révisé cette séance</translation>
    </message>
    <message>
        <source>Confirm signing</source>
        <translation>Confirmer la signature</translation>
    </message>
    <message>
        <source>Sign and lock</source>
        <translation>Signer et verrouiller</translation>
    </message>
    <message>
        <source>&lt;b&gt;This session&apos;s practitioner is {treated}, not you ({person}).&lt;/b&gt; Sign only if you mean to sign for their treatment, covering for them: the signature names you, and the session still names {treated} as its practitioner.</source>
        <translation>&lt;b&gt;Le praticien de cette séance est {treated}, et non vous ({person}).&lt;/b&gt; Ne signez que si vous entendez signer pour son traitement, en le remplaçant&#xa0;: la signature vous nomme, et la séance nomme toujours {treated} comme praticien.</translation>
    </message>
    <message>
        <source>&lt;b&gt;This session&apos;s practitioner is {treated}, who signs in as {their_login}, not {login}.&lt;/b&gt; Sign only if you mean to sign for their treatment, covering for them: the signature names the login {login}, and the session still names {treated} as its practitioner.</source>
        <translation>&lt;b&gt;Le praticien de cette séance est {treated}, qui se connecte sous {their_login}, et non sous {login}.&lt;/b&gt; Ne signez que si vous entendez signer pour son traitement, en le remplaçant&#xa0;: la signature porte l&apos;identifiant {login}, et la séance nomme toujours {treated} comme praticien.</translation>
    </message>
</context>
<context>
    <name>SigningIn</name>
    <message>
        <source>Signing in to the clinic server… Where the address does not answer this can take 10 seconds or more; Cancel stops waiting.</source>
        <translation>Connexion au serveur de la clinique… Si l&apos;adresse ne répond pas, cela peut prendre 10 secondes ou plus; Annuler arrête l&apos;attente.</translation>
    </message>
    <message>
        <source>Signing in to the clinic server</source>
        <translation>Connexion au serveur de la clinique</translation>
    </message>
    <message>
        <source>Clinic server: {place}</source>
        <translation>Serveur de la clinique&#xa0;: {place}</translation>
    </message>
</context>
<context>
    <name>SiteEditor</name>
    <message>
        <source>{what} of site {number}</source>
        <translation>{what} du point {number}</translation>
    </message>
    <message>
        <source>grasp</source>
        <translation>préhension</translation>
    </message>
    <message>
        <source>cramp</source>
        <translation>crampe</translation>
    </message>
    <message>
        <source>twitch</source>
        <translation>secousse</translation>
    </message>
    <message>
        <source>electrical stimulation</source>
        <translation>électrostimulation</translation>
    </message>
    <message>
        <source>estim</source>
        <translation>électrostimulation</translation>
    </message>
    <message>
        <source>confirm</source>
        <translation>confirmation</translation>
    </message>
    <message>
        <source>level</source>
        <translation>niveau</translation>
    </message>
    <message>
        <source>needle diameter</source>
        <translation>diamètre de l&apos;aiguille</translation>
    </message>
    <message>
        <source>needle length</source>
        <translation>longueur de l&apos;aiguille</translation>
    </message>
    <message>
        <source>needle</source>
        <translation>aiguille</translation>
    </message>
    <message>
        <source>depth</source>
        <translation>profondeur</translation>
    </message>
    <message>
        <source>tissue feel</source>
        <translation>sensation tissulaire</translation>
    </message>
    <message>
        <source>release</source>
        <translation>relâchement</translation>
    </message>
    <message>
        <source>sensation</source>
        <translation>sensation</translation>
    </message>
    <message>
        <source>muscle</source>
        <translation>muscle</translation>
    </message>
    <message>
        <source>side</source>
        <translation>côté</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notes</translation>
    </message>
    <message>
        <source>Select a site first: tap its marker on the chart or its row in the list.</source>
        <translation>Sélectionnez d&apos;abord un point&#xa0;: touchez son repère sur le schéma ou sa ligne dans la liste.</translation>
    </message>
    <message>
        <source>Site {number} is recorded already (Enter confirms planned sites).</source>
        <translation>Le point {number} est déjà consigné (Entrée confirme les points prévus).</translation>
    </message>
</context>
<context>
    <name>SiteEdits</name>
    <message>
        <source>Start or open a session before recording sites (New session, Ctrl+Shift+N).</source>
        <translation>Commencez ou ouvrez une séance avant de consigner des points (Nouvelle séance, Ctrl+Maj+N).</translation>
    </message>
    <message>
        <source>This draft was withdrawn: it is locked, kept for the record and counted nowhere. Today&apos;s visit is a New session (Ctrl+Shift+N).</source>
        <translation>Ce brouillon a été retiré&#xa0;: il est verrouillé, conservé au dossier et compté nulle part. La visite d&apos;aujourd&apos;hui est une Nouvelle séance (Ctrl+Maj+N).</translation>
    </message>
    <message>
        <source>This session is signed: its sites cannot change. To correct it, add an amendment (Session &gt; Add amendment…).</source>
        <translation>Cette séance est signée&#xa0;: ses points ne peuvent plus changer. Pour la corriger, ajoutez un addenda (Séance &gt; Ajouter un addenda…).</translation>
    </message>
    <message>
        <source>The database is open read-only: sites cannot change here.</source>
        <translation>La base de données est ouverte en lecture seule&#xa0;: les points ne peuvent pas changer ici.</translation>
    </message>
    <message>
        <source>add site {number}</source>
        <translation>ajout du point {number}</translation>
    </message>
    <message>
        <source>move site {number}</source>
        <translation>déplacement du point {number}</translation>
    </message>
    <message>
        <source>Select a site first: click its marker on the chart or its row in the list.</source>
        <translation>Sélectionnez d&apos;abord un point&#xa0;: cliquez sur son repère sur le schéma ou sur sa ligne dans la liste.</translation>
    </message>
    <message>
        <source>Select the site to remove first.</source>
        <translation>Sélectionnez d&apos;abord le point à retirer.</translation>
    </message>
    <message>
        <source>remove site {number} ({site})</source>
        <translation>retrait du point {number} ({site})</translation>
    </message>
    <message>
        <source>Removed site {number} ({site}); the sites after it are numbered one less. Ctrl+Z brings it back.</source>
        <translation>Point {number} retiré ({site}); les points suivants ont maintenant un numéro de moins. Ctrl+Z le rétablit.</translation>
    </message>
    <message>
        <source>Removed site {number} ({site}). Ctrl+Z brings it back.</source>
        <translation>Point {number} retiré ({site}). Ctrl+Z le rétablit.</translation>
    </message>
</context>
<context>
    <name>SiteInspector</name>
    <message>
        <source>{name}: {value}</source>
        <comment>a choice that names itself: &quot;release: full&quot;</comment>
        <translation>{name}&#xa0;: {value}</translation>
    </message>
    <message>
        <source>{name} (optional)</source>
        <translation>{name} (facultatif)</translation>
    </message>
    <message>
        <source>⚠ Electric/paraesthetic sensation: possible nerve contact</source>
        <translation>⚠ Sensation électrique/paresthésique&#xa0;: contact nerveux possible</translation>
    </message>
    <message>
        <source>Planned: not needled yet</source>
        <translation>Prévu&#xa0;: pas encore puncturé</translation>
    </message>
    <message>
        <source>Needled ✓</source>
        <translation>Puncturé ✓</translation>
    </message>
    <message>
        <source>Confirm the planned site as needled (Enter)</source>
        <translation>Confirmer que le point prévu est puncturé (Entrée)</translation>
    </message>
    <message>
        <source>feel</source>
        <translation>texture</translation>
    </message>
    <message>
        <source>release</source>
        <translation>relâchement</translation>
    </message>
    <message>
        <source>sensation</source>
        <translation>sensation</translation>
    </message>
    <message>
        <source>notes on this insertion</source>
        <translation>notes sur cette insertion</translation>
    </message>
    <message>
        <source>Notes on this insertion</source>
        <translation>Notes sur cette insertion</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>Profondeur</translation>
    </message>
    <message>
        <source>Signed, read-only: tap a marker or a row to read its site. To correct one: Session &gt; Add amendment…</source>
        <translation>Signée, lecture seule&#xa0;: touchez un repère ou une ligne pour lire son point. Pour en corriger un&#xa0;: Séance &gt; Ajouter un addenda…</translation>
    </message>
    <message>
        <source>Read-only: tap a marker or a row to read its site.</source>
        <translation>Lecture seule&#xa0;: touchez un repère ou une ligne pour lire son point.</translation>
    </message>
    <message>
        <source>No site selected: tap a marker or a row</source>
        <translation>Aucun point sélectionné&#xa0;: touchez un repère ou une ligne</translation>
    </message>
    <message>
        <source>not recorded</source>
        <comment>notes on an insertion</comment>
        <translation>non consignées</translation>
    </message>
    <message>
        <source>not graded</source>
        <translation>non cotée</translation>
    </message>
    <message>
        <source>grasp {grade} {label}</source>
        <translation>préhension {grade} {label}</translation>
    </message>
    <message>
        <source>{site} · read-only (open in another window)</source>
        <translation>{site} · lecture seule (ouverte dans une autre fenêtre)</translation>
    </message>
    <message>
        <source>{site} · read-only (open in another room)</source>
        <translation>{site} · lecture seule (ouverte dans une autre salle)</translation>
    </message>
    <message>
        <source>{site} · read-only (withdrawn)</source>
        <translation>{site} · lecture seule (brouillon retiré)</translation>
    </message>
    <message>
        <source>{site} · read-only (signed)</source>
        <translation>{site} · lecture seule (signée)</translation>
    </message>
</context>
<context>
    <name>SiteTable</name>
    <message>
        <source>Muscle</source>
        <translation>Muscle</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Côté</translation>
    </message>
    <message>
        <source>Grasp</source>
        <translation>Préhension</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Indicateurs</translation>
    </message>
    <message>
        <source>C</source>
        <comment>cramp mark, one letter</comment>
        <translation>C</translation>
    </message>
    <message>
        <source>T</source>
        <comment>twitch mark, one letter</comment>
        <translation>S</translation>
    </message>
    <message>
        <source>E</source>
        <comment>electrical stimulation mark, one letter</comment>
        <translation>É</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>prévu</translation>
    </message>
    <message>
        <source>Electric/paraesthetic sensation: possible nerve contact</source>
        <translation>Sensation électrique/paresthésique&#xa0;: contact nerveux possible</translation>
    </message>
    <message>
        <source>Planned, not yet needled: a grade or Enter records it</source>
        <translation>Prévu, pas encore puncturé&#xa0;: une cote ou Entrée le consigne</translation>
    </message>
    <message>
        <source>C cramp · T twitch · E electrical stimulation</source>
        <translation>C crampe · S secousse (touche T) · É électrostimulation (touche E)</translation>
    </message>
    <message>
        <source>Amended {when} by {who}: {what} ({why})</source>
        <translation>Addenda du {when} par {who}&#xa0;: {what} ({why})</translation>
    </message>
    <message>
        <source>in error</source>
        <translation>par erreur</translation>
    </message>
    <message>
        <source>Recorded in error: it counts in no figure, chart or export; the signed note keeps it.</source>
        <translation>Consigné par erreur&#xa0;: ne compte dans aucun chiffre, schéma ni export; la note signée le garde.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Cannot open the database</source>
        <translation>Impossible d&apos;ouvrir la base de données</translation>
    </message>
    <message>
        <source>The database file is empty (0 bytes), but there are backups of it.</source>
        <translation>Le fichier de la base de données est vide (0 octet), mais il en existe des sauvegardes.</translation>
    </message>
    <message>
        <source>The backup failed because of a bug ({name}); see the log.</source>
        <translation>La sauvegarde a échoué à cause d&apos;un bogue ({name}); voyez le journal.</translation>
    </message>
</context>
<context>
    <name>ThoraxPrompt</name>
    <message>
        <source>Pneumothorax risk discussed</source>
        <translation>Risque de pneumothorax discuté</translation>
    </message>
    <message>
        <source>Record that pneumothorax risk was discussed</source>
        <translation>Consigner que le risque de pneumothorax a été discuté</translation>
    </message>
    <message>
        <source>Over the thorax: {muscles}.</source>
        <translation>Sur le thorax&#xa0;: {muscles}.</translation>
    </message>
    <message>
        <source>Near the pleura: {muscles}.</source>
        <translation>Près de la plèvre&#xa0;: {muscles}.</translation>
    </message>
    <message>
        <source>Record that pneumothorax risk was discussed with the patient.</source>
        <translation>Consignez que le risque de pneumothorax a été discuté avec le patient.</translation>
    </message>
</context>
<context>
    <name>TissueFeel</name>
    <message>
        <source>normal</source>
        <translation>normale</translation>
    </message>
    <message>
        <source>grasp</source>
        <translation>préhension</translation>
    </message>
    <message>
        <source>gritty-fibrotic</source>
        <translation>granuleuse-fibreuse</translation>
    </message>
    <message>
        <source>bone contact</source>
        <translation>contact osseux</translation>
    </message>
</context>
<context>
    <name>TrendModel</name>
    <message>
        <source>ungraded</source>
        <translation>non cotée</translation>
    </message>
    <message>
        <source>Muscle</source>
        <translation>Muscle</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Tendance</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Changement</translation>
    </message>
    <message>
        <source>{visit} draft</source>
        <comment>a visit not signed, in its column&apos;s header</comment>
        <translation>{visit} brouillon</translation>
    </message>
    <message>
        <source>Latest grasp minus the first graded one, of the signed visits shown (a draft is compared with nothing): negative means releasing.</source>
        <translation>Dernière préhension moins la première cotée, parmi les visites signées affichées (un brouillon n’est comparé à rien)&#xa0;: négatif signifie un relâchement.</translation>
    </message>
    <message>
        <source>Session {number}, {date}</source>
        <translation>Séance {number}, {date}</translation>
    </message>
    <message>
        <source>{session}: a draft, not signed; not in the change.</source>
        <translation>{session}&#xa0;: brouillon non signé; exclu du changement.</translation>
    </message>
    <message>
        <source>not needled</source>
        <translation>non puncturé</translation>
    </message>
    <message>
        <source>{muscle}: {grades} (oldest to latest; · not needled)</source>
        <translation>{muscle}&#xa0;: {grades} (de la plus ancienne à la plus récente; · non puncturé)</translation>
    </message>
</context>
<context>
    <name>TypedGuard</name>
    <message>
        <source>Discard what you typed?</source>
        <translation>Abandonner ce qui a été tapé?</translation>
    </message>
    <message>
        <source>It is not saved: closing this window now loses it.</source>
        <translation>Ce n&apos;est pas enregistré : si vous fermez cette fenêtre maintenant, ce sera perdu.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>Keep typing</source>
        <translation>Continuer la saisie</translation>
    </message>
</context>
<context>
    <name>UndoButton</name>
    <message>
        <source>↶ Undo</source>
        <translation>↶ Annuler</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Undo: {step} (Ctrl+Z)</source>
        <translation>Annuler&#xa0;: {step} (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Rien à annuler</translation>
    </message>
</context>
<context>
    <name>UpgradeDialog</name>
    <message>
        <source>Upgrading the database</source>
        <translation>Mise à niveau de la base de données</translation>
    </message>
    <message>
        <source>Upgrading {name} to this imsmap&apos;s format (schema {old} to {new}). Every record is kept and checked. First a copy of the file as it is now, which the earlier imsmap can still open, is kept in:
{folder}
Cancel stops it; nothing is lost, and the upgrade starts again next time.</source>
        <translation>Mise à niveau de {name} au format de cette version d&apos;imsmap (schéma {old} à {new}). Chaque dossier est conservé et vérifié. Une copie du fichier dans son état actuel, que la version antérieure d&apos;imsmap peut toujours ouvrir, est d&apos;abord gardée dans&#xa0;:
{folder}
Annuler l&apos;arrête; rien n&apos;est perdu et la mise à niveau reprend la prochaine fois.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>VisitChooser</name>
    <message>
        <source>Sessions shown</source>
        <translation>Séances affichées</translation>
    </message>
    <message>
        <source>Last 4</source>
        <translation>4 dernières</translation>
    </message>
    <message>
        <source>Last 8</source>
        <translation>8 dernières</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Toutes</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Show the list of sessions, to choose those shown</source>
        <translation>Afficher la liste des séances, pour choisir celles qui sont affichées</translation>
    </message>
</context>
<context>
    <name>VisitsRow</name>
    <message>
        <source>First visit</source>
        <translation>Première visite</translation>
    </message>
    <message>
        <source>Previous visit (Alt+Left)</source>
        <translation>Visite précédente (Alt+Gauche)</translation>
    </message>
    <message>
        <source>Previous visit</source>
        <translation>Visite précédente</translation>
    </message>
    <message>
        <source>Visit timeline</source>
        <translation>Chronologie des visites</translation>
    </message>
    <message>
        <source>Next visit (Alt+Right)</source>
        <translation>Visite suivante (Alt+Droite)</translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation>Visite suivante</translation>
    </message>
    <message>
        <source>Latest visit</source>
        <translation>Dernière visite</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>Rejouer</translation>
    </message>
    <message>
        <source>Replay the visits one after another (Ctrl+Shift+R)</source>
        <translation>Rejouer les visites l&apos;une après l&apos;autre (Ctrl+Maj+R)</translation>
    </message>
    <message>
        <source>#{number} of {count} · {date} · {state}</source>
        <translation>{number} sur {count} · {date} · {state}</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>brouillon</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>signée</translation>
    </message>
    <message>
        <source>amended</source>
        <translation>avec addenda</translation>
    </message>
    <message>
        <source>Visits:</source>
        <translation>Visites&#xa0;:</translation>
    </message>
    <message>
        <source>no visits yet</source>
        <translation>aucune visite encore</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no visits yet, in brief</comment>
        <translation>aucune</translation>
    </message>
    <message numerus="yes">
        <source>not counted · %n other visit(s)</source>
        <translation>
            <numerusform>non comptée · %n autre visite</numerusform>
            <numerusform>non comptée · %n autres visites</numerusform>
        </translation>
    </message>
    <message>
        <source>This session is withdrawn or entered in error: it counts in no figure. The slider moves through the visits that count.</source>
        <translation>Cette séance est retirée ou consignée par erreur&#xa0;: elle ne compte dans aucun chiffre. Le curseur parcourt les visites qui comptent.</translation>
    </message>
    <message>
        <source>not counted</source>
        <translation>non comptée</translation>
    </message>
    <message>
        <source>#{number} of {count}</source>
        <translation>{number} sur {count}</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
</context>
<context>
    <name>WindowBackups</name>
    <message>
        <source>Backing up…</source>
        <translation>Sauvegarde en cours…</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Sauvegarder maintenant</translation>
    </message>
    <message>
        <source>The backup you asked for is still being made.</source>
        <translation>La sauvegarde que vous avez demandée est encore en cours.</translation>
    </message>
    <message>
        <source>Closing now stops it, and nothing of it is kept: the newest backup stays the one made before. Wait, and the window closes by itself once the backup is done.</source>
        <translation>Fermer maintenant l&apos;arrête, et rien n&apos;en est conservé&#xa0;: la sauvegarde la plus récente reste la précédente. Attendez, et la fenêtre se fermera d&apos;elle-même une fois la sauvegarde terminée.</translation>
    </message>
    <message>
        <source>Close when it is done</source>
        <translation>Fermer une fois terminée</translation>
    </message>
    <message>
        <source>Close now, without it</source>
        <translation>Fermer maintenant, sans elle</translation>
    </message>
    <message>
        <source>Backing up… the window closes once the backup is done.</source>
        <translation>Sauvegarde en cours… la fenêtre se fermera une fois la sauvegarde terminée.</translation>
    </message>
    <message>
        <source>Nothing was restored: the window was not closed.</source>
        <translation>Rien n&apos;a été restauré&#xa0;: la fenêtre n&apos;a pas été fermée.</translation>
    </message>
    <message>
        <source>The automatic backup failed: {reason}</source>
        <translation>La sauvegarde automatique a échoué&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Backed up to {path}</source>
        <translation>Sauvegardé dans {path}</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Séance</translation>
    </message>
    <message>
        <source>&amp;Charts</source>
        <translation>S&amp;chémas</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>No PIN is set: hide the patient behind the privacy screen, which anyone can lift (this file is open read-only, so no PIN can be set here)</source>
        <translation>Aucun NIP défini&#xa0;: masquer le dossier du patient derrière l&apos;écran de confidentialité, que n&apos;importe qui peut lever (ce fichier est ouvert en lecture seule&#xa0;: aucun NIP ne peut y être défini)</translation>
    </message>
    <message>
        <source>No PIN is set: hide the patient behind the privacy screen, which anyone can lift (set a PIN: {path})</source>
        <translation>Aucun NIP défini&#xa0;: masquer le dossier du patient derrière l&apos;écran de confidentialité, que n&apos;importe qui peut lever (pour définir un NIP&#xa0;: {path})</translation>
    </message>
    <message>
        <source>&amp;New patient…</source>
        <translation>&amp;Nouveau patient…</translation>
    </message>
    <message>
        <source>New &amp;session</source>
        <translation>Nouvelle &amp;séance</translation>
    </message>
    <message>
        <source>&amp;Export session PDF…</source>
        <translation>&amp;Exporter la séance en PDF…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <source>Print pre&amp;view…</source>
        <translation>&amp;Aperçu avant impression…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>Sauve&amp;garder maintenant</translation>
    </message>
    <message>
        <source>Clinic se&amp;ttings…</source>
        <translation>Paramètres de la &amp;clinique…</translation>
    </message>
    <message>
        <source>Clinic set-&amp;up…</source>
        <translation>Con&amp;figuration de la clinique…</translation>
    </message>
    <message>
        <source>The clinic&apos;s name, practitioner, screen lock and backups, one question at a time</source>
        <translation>Le nom de la clinique, le praticien, le verrouillage de l&apos;écran et les sauvegardes, une question à la fois</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>The clinic&apos;s settings are kept by its administrators on the clinic server; sign in with an administrator&apos;s login to change them.</source>
        <translation>Les paramètres de la clinique sont gérés par ses administrateurs sur le serveur de la clinique; connectez-vous avec un identifiant d&apos;administrateur pour les modifier.</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Scree&amp;n lock PIN…</source>
        <translation>&amp;NIP de verrouillage…</translation>
    </message>
    <message>
        <source>Grasp {grade} – {label}</source>
        <translation>Préhension {grade} – {label}</translation>
    </message>
    <message>
        <source>Toggle &amp;cramp	C</source>
        <translation>Activer ou désactiver la &amp;crampe	C</translation>
    </message>
    <message>
        <source>&amp;Copy last visit&apos;s sites</source>
        <translation>Re&amp;prendre les points de la dernière visite</translation>
    </message>
    <message>
        <source>Add the previous visit&apos;s sites as planned markers</source>
        <translation>Ajouter les points de la visite précédente comme repères prévus</translation>
    </message>
    <message>
        <source>Apply &amp;protocol…</source>
        <translation>Appliquer un pro&amp;tocole…</translation>
    </message>
    <message>
        <source>Save as pro&amp;tocol…</source>
        <translation>&amp;Enregistrer comme protocole…</translation>
    </message>
    <message>
        <source>&amp;Sign…</source>
        <translation>&amp;Signer…</translation>
    </message>
    <message>
        <source>Au&amp;dit trail…</source>
        <translation>Piste de &amp;vérification…</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Zoom avant</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>Chart: {name}</source>
        <translation>Schéma&#xa0;: {name}</translation>
    </message>
    <message>
        <source>Next chart</source>
        <translation>Schéma suivant</translation>
    </message>
    <message>
        <source>Previous chart</source>
        <translation>Schéma précédent</translation>
    </message>
    <message>
        <source>Export pro&amp;gress report PDF…</source>
        <translation>Exporter le rapport d&apos;é&amp;volution en PDF…</translation>
    </message>
    <message>
        <source>&amp;Patient</source>
        <translation>&amp;Patient</translation>
    </message>
    <message>
        <source>Export &amp;FHIR bundle…</source>
        <translation>E&amp;xporter le Bundle FHIR…</translation>
    </message>
    <message>
        <source>The open patient&apos;s sessions as an HL7 FHIR R4 bundle (JSON), each signed one with its PDF, in a file you choose</source>
        <translation>Les séances du patient ouvert en Bundle HL7 FHIR R4 (JSON), chaque séance signée avec son PDF, dans un fichier de votre choix</translation>
    </message>
    <message>
        <source>The clinic server is backed up on the server, as a whole, by whoever looks after it (imsmap backup --dsn); the rooms make no backups of their own.</source>
        <translation>Le serveur de la clinique est sauvegardé sur le serveur, en entier, par la personne qui s&apos;en occupe (imsmap backup --dsn); les salles ne font aucune sauvegarde elles-mêmes.</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>&amp;Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <source>Put the newest backup of a folder (a USB drive) in place of these records; they are kept aside</source>
        <translation>Remplacer ces dossiers par la sauvegarde la plus récente d&apos;un répertoire (une clé USB); ils sont mis de côté</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>Annuler la dernière modification</translation>
    </message>
    <message>
        <source>Redo what was undone</source>
        <translation>Rétablir ce qui a été annulé</translation>
    </message>
    <message>
        <source>Re&amp;move site	Del</source>
        <translation>Re&amp;tirer le point	Suppr</translation>
    </message>
    <message>
        <source>&amp;Add amendment…</source>
        <translation>Ajouter un a&amp;ddenda…</translation>
    </message>
    <message>
        <source>&amp;Withdraw draft…</source>
        <translation>&amp;Retirer le brouillon…</translation>
    </message>
    <message>
        <source>Take a draft started by mistake out of the patient&apos;s treatment; it stays readable</source>
        <translation>Retirer du traitement du patient un brouillon commencé par erreur; il reste lisible</translation>
    </message>
    <message>
        <source>Mark entered in &amp;error…</source>
        <translation>&amp;Marquer consignée par erreur…</translation>
    </message>
    <message>
        <source>Say a signed session is not this patient&apos;s treatment (signed on the wrong patient)</source>
        <translation>Indiquer qu&apos;une séance signée n&apos;est pas un traitement de ce patient (signée au mauvais dossier)</translation>
    </message>
    <message>
        <source>&amp;Edit details…</source>
        <translation>&amp;Modifier les renseignements…</translation>
    </message>
    <message>
        <source>Correct the open patient&apos;s chart number, name, date of birth, sex or notes</source>
        <translation>Corriger le n° de dossier, le nom, la date de naissance, le sexe ou les notes du patient ouvert</translation>
    </message>
    <message>
        <source>&amp;Merge duplicate record…</source>
        <translation>&amp;Fusionner un dossier en double…</translation>
    </message>
    <message>
        <source>One person registered twice: read both records as one history, rewriting nothing</source>
        <translation>Une personne inscrite deux fois&#xa0;: lire les deux dossiers comme un seul historique, sans rien réécrire</translation>
    </message>
    <message>
        <source>Se&amp;parate records…</source>
        <translation>&amp;Séparer des dossiers…</translation>
    </message>
    <message>
        <source>End a merge made by mistake: both records read as before</source>
        <translation>Défaire une fusion faite par erreur&#xa0;: les deux dossiers se lisent comme avant</translation>
    </message>
    <message>
        <source>Fi&amp;t chart</source>
        <translation>A&amp;juster le schéma</translation>
    </message>
    <message>
        <source>S&amp;witch layer</source>
        <translation>Changer de &amp;couche</translation>
    </message>
    <message>
        <source>Muscle la&amp;bels</source>
        <translation>Noms des &amp;muscles</translation>
    </message>
    <message>
        <source>&amp;Earlier sessions on the chart</source>
        <translation>Séances &amp;antérieures sur le schéma</translation>
    </message>
    <message>
        <source>&amp;Heat map of earlier grasps</source>
        <translation>Carte &amp;thermique des préhensions antérieures</translation>
    </message>
    <message>
        <source>Pre&amp;vious visit</source>
        <translation>Visite &amp;précédente</translation>
    </message>
    <message>
        <source>Ne&amp;xt visit</source>
        <translation>Visite &amp;suivante</translation>
    </message>
    <message>
        <source>&amp;Replay visits</source>
        <translation>Rej&amp;ouer les visites</translation>
    </message>
    <message>
        <source>&amp;Progress</source>
        <translation>Su&amp;ivi</translation>
    </message>
    <message>
        <source>The patient&apos;s progress beside the chart</source>
        <translation>Le suivi du patient (son évolution) à côté du schéma</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Act&amp;ualiser</translation>
    </message>
    <message>
        <source>Read the database again (changes made on another computer)</source>
        <translation>Relire la base de données (modifications faites sur un autre ordinateur)</translation>
    </message>
    <message>
        <source>Privacy &amp;screen</source>
        <translation>&amp;Écran de confidentialité</translation>
    </message>
    <message>
        <source>Hide names and identifiers everywhere (the next patient may see the screen)</source>
        <translation>Masquer partout les noms et identifiants (le patient suivant pourrait voir l&apos;écran)</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Verrouiller maintenant</translation>
    </message>
    <message>
        <source>Show only the lock screen until your PIN is entered</source>
        <translation>N&apos;afficher que l&apos;écran de verrouillage jusqu&apos;à ce que votre NIP soit entré</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;About imsmap</source>
        <translation>À &amp;propos d&apos;imsmap</translation>
    </message>
    <message>
        <source>To&amp;uch-sized controls</source>
        <translation>Commandes au &amp;format tactile</translation>
    </message>
    <message>
        <source>Rows, tabs, buttons and boxes a fingertip wide, for a touch screen</source>
        <translation>Lignes, onglets, boutons et cases de la largeur d&apos;un doigt, pour un écran tactile</translation>
    </message>
    <message>
        <source>Undo and redo are off: {holder} is editing this session, so nothing is written from here.</source>
        <translation>Annuler et rétablir sont désactivés&#xa0;: {holder} modifie cette séance, donc rien n&apos;est écrit d&apos;ici.</translation>
    </message>
    <message>
        <source>Clinic settings saved. The window speaks its new language the next time imsmap starts.</source>
        <translation>Paramètres de la clinique enregistrés. La fenêtre utilisera sa nouvelle langue au prochain démarrage d&apos;imsmap.</translation>
    </message>
    <message>
        <source>Clinic settings saved.</source>
        <translation>Paramètres de la clinique enregistrés.</translation>
    </message>
</context>
<context>
    <name>WindowTitle</name>
    <message>
        <source>Locked</source>
        <translation>Verrouillé</translation>
    </message>
    <message>
        <source>DEMO clinic (made-up patients)</source>
        <translation>Clinique DÉMO (patients fictifs)</translation>
    </message>
    <message>
        <source>privacy screen</source>
        <translation>écran de confidentialité</translation>
    </message>
    <message>
        <source>{title} [read-only]</source>
        <translation>{title} [lecture seule]</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <source>{login} at {place}</source>
        <translation>{login}, {place}</translation>
    </message>
</context>
<context>
    <name>_LegendStrip</name>
    <message>
        <source>today</source>
        <translation>aujourd&apos;hui</translation>
    </message>
    <message>
        <source>last time</source>
        <translation>dernière fois</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) ago</source>
        <translation>
            <numerusform>il y a %n séance</numerusform>
            <numerusform>il y a %n séances</numerusform>
        </translation>
    </message>
    <message>
        <source>needled on another chart</source>
        <translation>puncturé sur un autre schéma</translation>
    </message>
    <message>
        <source>Heat: grasp summed</source>
        <translation>Chaleur&#xa0;: préhension additionnée</translation>
    </message>
</context>
</TS>
